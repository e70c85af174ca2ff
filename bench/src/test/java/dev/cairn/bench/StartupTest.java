package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StartupTest {

    @Test
    void variantsAddToWhatCairnUpUses() {
        Path archive = Path.of("/tmp/x.jsa");
        assertThat(Startup.options("default", archive)).isEqualTo(Startup.UP_JVM);
        assertThat(Startup.options("xms", archive)).startsWith(Startup.UP_JVM.toArray(String[]::new))
                .endsWith("-Xms16m").hasSize(Startup.UP_JVM.size() + 1);
        assertThat(Startup.options("xms+cds", archive)).endsWith("-Xms16m", "-XX:SharedArchiveFile=/tmp/x.jsa",
                "-XX:+AutoCreateSharedArchive");
    }
}
