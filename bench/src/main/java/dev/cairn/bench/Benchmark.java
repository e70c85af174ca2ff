package dev.cairn.bench;

import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * One benchmark of {@code ./cairn bench}: measures, and returns its part of docs/benchmarks.md; run alone
 * ({@code ./cairn bench <name>}) it prints that part.
 */
public abstract class Benchmark implements Callable<Integer> {

    @Option(names = "--quick", description = "A short run to check that it works (figures not meaningful).")
    boolean quick;

    /** Runs the benchmark; {@code quick} shrinks durations and rounds to check that it works, not to measure. */
    public abstract Section measure(boolean quick) throws Exception;

    @Override
    public Integer call() throws Exception {
        System.out.println(measure(quick).markdown());
        return 0;
    }
}
