package dev.cairn.bench;

import java.time.Duration;
import java.util.Arrays;

/**
 * What one load run measured.
 *
 * @param requests  requests answered with 2xx
 * @param errors    requests that failed or were not 2xx
 * @param elapsed   wall-clock time of the run
 * @param latencies every successful request's latency in microseconds, sorted
 */
public record LoadResult(long requests, long errors, Duration elapsed, long[] latencies) {

    public LoadResult {
        latencies = latencies.clone();
        Arrays.sort(latencies);
    }

    /** Successful requests per second. */
    public double throughput() {
        return requests / (elapsed.toNanos() / 1e9);
    }

    /** The latency below which {@code percent} of the requests fell, in milliseconds. */
    public double percentileMillis(double percent) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100 * latencies.length) - 1;
        return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1000.0;
    }

    /** Several runs as one: requests, errors, time and latencies added up. */
    public static LoadResult combine(Iterable<LoadResult> runs) {
        long requests = 0;
        long errors = 0;
        Duration elapsed = Duration.ZERO;
        long[] all = new long[0];
        for (LoadResult run : runs) {
            requests += run.requests;
            errors += run.errors;
            elapsed = elapsed.plus(run.elapsed);
            long[] joined = Arrays.copyOf(all, all.length + run.latencies.length);
            System.arraycopy(run.latencies, 0, joined, all.length, run.latencies.length);
            all = joined;
        }
        return new LoadResult(requests, errors, elapsed, all);
    }
}
