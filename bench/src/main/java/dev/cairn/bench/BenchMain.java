package dev.cairn.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench/run <benchmark>}: Cairn's benchmarks, each against a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = GatewayOverhead.class,
        description = "Runs a Cairn benchmark and prints its results as a Markdown table (see docs/benchmarks.md).")
public final class BenchMain implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
