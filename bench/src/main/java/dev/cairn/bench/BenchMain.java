package dev.cairn.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code ./cairn bench [benchmark]}: Cairn's benchmarks, each against a baseline measured in the same run. Without a
 * benchmark, runs them all and rewrites the generated part of docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        subcommands = {GatewayOverhead.class, Startup.class, OperatorTimings.class, OrderPipeline.class,
                EventBackbone.class},
        description = {"Runs Cairn's benchmarks. Without a benchmark name: all of them, then rewrites the generated "
                + "part of docs/benchmarks.md (between its generated:start and generated:end markers).",
                "With a name: that benchmark only; its section is printed, the docs are left alone."})
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--quick", description = "Short runs (about 3 minutes in all) to check that everything works; "
            + "the figures are not meaningful.")
    boolean quick;

    @Option(names = "--doc", description = "The file to write (default: ${DEFAULT-VALUE}).")
    Path doc = Path.of("docs/benchmarks.md");

    @Option(names = "--no-write", negatable = true, description = "Write the docs (--no-write: print only).")
    boolean write = true;

    @Option(names = "--skip", split = ",", description = "Benchmarks to leave out, e.g. --skip orders,events.")
    List<String> skip = new ArrayList<>();

    /** Held so the settings stick: the in-process MongoDB and Kafka log every connection at INFO. */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("de.bwaldvogel"), java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("kafka"), java.util.logging.Logger.getLogger("org.mongodb"),
            java.util.logging.Logger.getLogger("state.change.logger"));

    public static void main(String[] args) {
        QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        System.exit(new CommandLine(new BenchMain())
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    if (!(error instanceof IllegalStateException || error instanceof IllegalArgumentException)) {
                        throw error;
                    }
                    // a benchmark that cannot run says why, without a stack trace (a missing tool, a process that
                    // did not start: its log is named in the message; an option it cannot use)
                    commandLine.getErr().println("cairn " + commandLine.getCommandSpec().qualifiedName() + ": " + error.getMessage());
                    return error instanceof IllegalArgumentException ? 2 : 1;
                })
                .execute(args));
    }

    /** The benchmarks of a full run, in the order they run. */
    static Map<String, Supplier<Benchmark>> all() {
        Map<String, Supplier<Benchmark>> all = new LinkedHashMap<>();
        all.put("gateway", GatewayOverhead::new);
        all.put("startup", Startup::new);
        all.put("operator", OperatorTimings::new);
        all.put("orders", OrderPipeline::new);
        all.put("events", EventBackbone::new);
        return all;
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        String machine = Machine.describe();
        List<Section> sections = new ArrayList<>();
        int failures = 0;
        for (var benchmark : all().entrySet()) {
            if (skip.contains(benchmark.getKey())) {
                continue;
            }
            long began = System.nanoTime();
            System.out.println("=== " + benchmark.getKey() + " ===");
            try {
                Section section = benchmark.getValue().get().measure(quick);
                sections.add(section);
                System.out.println(section.markdown());
            } catch (Exception | AssertionError e) {
                failures++;
                e.printStackTrace();
                sections.add(new Section(benchmark.getKey()).text("This benchmark failed in the last run: `"
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getName()) + "`."));
            }
            System.out.printf("=== %s took %s ===%n", benchmark.getKey(), minutes(System.nanoTime() - began));
        }
        String command = "./cairn bench" + (quick ? " --quick" : "")
                + (skip.isEmpty() ? "" : " --skip " + String.join(",", skip));
        String generated = BenchDoc.generated(machine, command, minutes(System.nanoTime() - started), sections);
        if (write) {
            BenchDoc.write(doc, generated);
            System.out.println("Wrote " + doc.toAbsolutePath());
        } else {
            System.out.println(generated);
        }
        System.out.println("Total: " + minutes(System.nanoTime() - started));
        return failures == 0 ? 0 : 1;
    }

    static String minutes(long nanos) {
        Duration duration = Duration.ofNanos(nanos);
        return String.format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
}
