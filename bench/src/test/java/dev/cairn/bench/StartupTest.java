package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StartupTest {

    @Test
    void variantsAddToWhatCairnUpUses() {
        Path archive = Path.of("/tmp/x.jsa");
        Startup startup = new Startup();
        assertThat(startup.options("default", archive)).isEqualTo(Startup.UP_JVM);
        assertThat(startup.options("xms", archive)).startsWith(Startup.UP_JVM.toArray(String[]::new))
                .endsWith("-Xms16m").hasSize(Startup.UP_JVM.size() + 1);
        assertThat(startup.options("xms+cds", archive)).endsWith("-Xms16m", "-XX:SharedArchiveFile=/tmp/x.jsa",
                "-XX:+AutoCreateSharedArchive");
    }

    @Test
    void extraOptionsComeLastInBothVariants() {
        Startup startup = new Startup();
        startup.extraJvmOptions.add("-XX:MaxHeapFreeRatio=30");
        assertThat(startup.options("default", Path.of("/tmp/x.jsa"))).endsWith("-XX:MaxHeapFreeRatio=30")
                .hasSize(Startup.UP_JVM.size() + 1);
        assertThat(startup.options("xms+cds", Path.of("/tmp/x.jsa"))).endsWith("-XX:+AutoCreateSharedArchive",
                "-XX:MaxHeapFreeRatio=30");
    }
}
