package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadResultTest {

    @Test
    void percentilesAndThroughputAreComputedFromAllRuns() {
        LoadResult first = new LoadResult(3, 0, Duration.ofSeconds(1), new long[] {3000, 1000, 2000});
        LoadResult second = new LoadResult(2, 1, Duration.ofSeconds(1), new long[] {5000, 4000});
        LoadResult all = LoadResult.combine(List.of(first, second));
        assertThat(all.throughput()).isEqualTo(2.5);
        assertThat(all.errors()).isEqualTo(1);
        assertThat(all.percentileMillis(50)).isEqualTo(3.0);
        assertThat(all.percentileMillis(100)).isEqualTo(5.0);
        assertThat(all.percentileMillis(1)).isEqualTo(1.0);
    }
}
