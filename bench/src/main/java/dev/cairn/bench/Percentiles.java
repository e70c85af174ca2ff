package dev.cairn.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latency samples. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank {@code percent} percentile of {@code samples} (need not be sorted; not modified). */
    public static double of(long[] samples, double percent) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, percent);
    }

    /** Like {@link #of} for samples already sorted ascending. */
    public static double ofSorted(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
