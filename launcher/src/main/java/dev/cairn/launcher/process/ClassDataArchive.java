package dev.cairn.launcher.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A process's AppCDS archive ({@code -XX:SharedArchiveFile} with {@code -XX:+AutoCreateSharedArchive}): the JVM writes
 * it at the first exit and maps it at later starts. An archive older than any jar on the process's class path or than
 * the JDK is removed before the start: the JVM refuses such an archive ("shared class paths mismatch") and JDK 25 then
 * does not write a new one at exit, so after a rebuild every later start would run without it (slower, and with
 * hundreds of MiB more resident memory).
 */
public final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /**
     * Removes {@code archive} when it is older than {@code jar}, a jar of its {@code libs/} folder, or {@code jdkModules}
     * (the JDK's {@code lib/modules}).
     *
     * @return true when a stale archive was removed
     */
    public static boolean removeIfStale(Path archive, Path jar, Path jdkModules) {
        try {
            if (!Files.exists(archive)) {
                return false;
            }
            FileTime made = Files.getLastModifiedTime(archive);
            List<Path> inputs = new ArrayList<>(List.of(jar, jdkModules));
            Path libs = jar.resolveSibling("libs");
            if (Files.isDirectory(libs)) {
                try (Stream<Path> jars = Files.list(libs)) {
                    jars.forEach(inputs::add);
                }
            }
            for (Path input : inputs) {
                if (Files.exists(input) && Files.getLastModifiedTime(input).compareTo(made) > 0) {
                    Files.delete(archive);
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the class-data archive " + archive + ": " + e.getMessage(), e);
        }
    }
}
