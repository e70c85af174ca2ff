package dev.cairn.launcher.process;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    private static final Instant BUILT = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path dir;
    private Path jar;
    private Path lib;
    private Path jdk;
    private Path archive;

    @BeforeEach
    void layOut() throws IOException {
        jar = file("target/cairn-user-service.jar", BUILT);
        lib = file("target/libs/cairn-commons.jar", BUILT);
        jdk = file("jdk/lib/modules", BUILT.minusSeconds(86_400));
        archive = file("cds/user-service.jsa", BUILT.plusSeconds(60));
    }

    @Test
    void anArchiveWrittenAfterTheBuildIsKept() {
        assertThat(ClassDataArchive.removeIfStale(archive, jar, jdk)).isFalse();
        assertThat(archive).exists();
    }

    @Test
    void aRebuiltJarMakesTheArchiveStale() throws IOException {
        Files.setLastModifiedTime(jar, FileTime.from(BUILT.plusSeconds(120)));
        assertThat(ClassDataArchive.removeIfStale(archive, jar, jdk)).isTrue();
        assertThat(archive).doesNotExist();
    }

    @Test
    void aRebuiltLibraryMakesTheArchiveStale() throws IOException {
        Files.setLastModifiedTime(lib, FileTime.from(BUILT.plusSeconds(120)));
        assertThat(ClassDataArchive.removeIfStale(archive, jar, jdk)).isTrue();
        assertThat(archive).doesNotExist();
    }

    @Test
    void aNewerJdkMakesTheArchiveStale() throws IOException {
        Files.setLastModifiedTime(jdk, FileTime.from(BUILT.plusSeconds(120)));
        assertThat(ClassDataArchive.removeIfStale(archive, jar, jdk)).isTrue();
    }

    @Test
    void noArchiveYetIsNothingToDo() throws IOException {
        Files.delete(archive);
        assertThat(ClassDataArchive.removeIfStale(archive, jar, jdk)).isFalse();
    }

    private Path file(String name, Instant modified) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, name);
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}
