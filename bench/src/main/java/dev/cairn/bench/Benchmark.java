package dev.cairn.bench;

/** One benchmark of {@code ./cairn bench}: measures, and returns its part of docs/benchmarks.md. */
public interface Benchmark {

    /** Runs the benchmark; {@code quick} shrinks durations and rounds to check that it works, not to measure. */
    Section measure(boolean quick) throws Exception;
}
