package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatsTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWithSpacesInTheCommandName() {
        String stat = "4242 (Web Content) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 0 0 20 0 30 0 100 0 0";
        assertThat(ProcStats.cpuTicks(stat)).isEqualTo(175);
    }

    @Test
    void thisProcessHasMemoryAndCpu() {
        long self = ProcessHandle.current().pid();
        assertThat(ProcStats.rssMiB(self)).isGreaterThan(1);
        assertThat(ProcStats.cpuSeconds(self)).isGreaterThan(0);
        assertThat(ProcStats.rssMiB(-1)).isNaN();
    }
}
