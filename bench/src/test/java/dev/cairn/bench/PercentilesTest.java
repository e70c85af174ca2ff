package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {

    private final long[] hundred = new long[100];

    {
        for (int i = 0; i < hundred.length; i++) {
            hundred[hundred.length - 1 - i] = i + 1;
        }
    }

    @Test
    void nearestRankOnUnsortedSamples() {
        assertThat(Percentiles.of(hundred, 50)).isEqualTo(50);
        assertThat(Percentiles.of(hundred, 99)).isEqualTo(99);
        assertThat(Percentiles.of(hundred, 100)).isEqualTo(100);
        assertThat(Percentiles.of(hundred, 0.1)).isEqualTo(1);
    }

    @Test
    void leavesTheSamplesAlone() {
        Percentiles.of(hundred, 50);
        assertThat(hundred[0]).isEqualTo(100);
    }

    @Test
    void smallAndEmptySamples() {
        assertThat(Percentiles.of(new long[] {7}, 99)).isEqualTo(7);
        assertThat(Percentiles.of(new long[] {3, 1, 2}, 50)).isEqualTo(2);
        assertThat(Percentiles.of(new long[0], 50)).isNaN();
    }
}
