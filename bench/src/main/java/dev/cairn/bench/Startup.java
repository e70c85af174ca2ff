package dev.cairn.bench;

import dev.cairn.launcher.Project;
import dev.cairn.testsupport.TestTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Time from spawning each service's JVM to {@code /health/ready} UP, and its resident memory right then, with the
 * JVM options {@code ./cairn up} uses, with and without an AppCDS archive of the service's own classes.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Startup and footprint: time to ready and RSS of every service, without and with AppCDS.")
public final class Startup extends Benchmark {

    /** {@code ./cairn up}'s default JVM options (launcher UpCommand, CAIRN_JAVA_OPTS). */
    static final List<String> UP_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx256m",
            "-XX:+ExitOnOutOfMemoryError");
    static final List<String> ALL_PROCESSES = List.of("gateway", "user-service", "product-service", "order-service",
            "analytics-service");


    @Option(names = "--runs", description = "Starts per service and variant (default: ${DEFAULT-VALUE}).")
    int runs = 3;

    @Option(names = "--processes", split = ",", description = "Which processes (default: all five).")
    List<String> processes = ALL_PROCESSES;

    @Option(names = "--jvm-option", description = "Extra JVM option for every start, both variants, to try one "
            + "out, e.g. -XX:MaxHeapFreeRatio=30 (repeatable; the section's text names them).")
    List<String> extraJvmOptions = new ArrayList<>();


    @Override
    public Section measure(boolean quick) throws Exception {
        int starts = quick ? 1 : runs;
        List<String> unknown = processes.stream().filter(name -> !ALL_PROCESSES.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--processes: no process named " + String.join(", ", unknown)
                    + " (known: " + String.join(", ", ALL_PROCESSES) + ")");
        }
        Path jwks = Files.createTempFile("bench-jwks-", ".json");
        Files.writeString(jwks, TestTokens.withNewKey().jwks());
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (String name : processes) {
            Map<String, String> environment = BenchInfrastructure.environment(name, true, true);
            environment.put("CAIRN_AUTH_JWKS_URL", jwks.toString());
            environments.put(name, environment);
        }
        Path cds = Project.root().resolve("bench/target/cds");
        Files.createDirectories(cds);
        Map<String, List<Double>> ready = new LinkedHashMap<>();
        Map<String, List<Double>> rss = new LinkedHashMap<>();
        try {
            train(environments, cds);
            for (int run = 1; run <= starts; run++) {
                for (String name : processes) {
                    for (String variant : VARIANTS) {
                        List<String> options = options(variant, cds.resolve(name + ".jsa"));
                        try (BenchProcess process = BenchProcess.start(name, environments.get(name), options,
                                Duration.ofSeconds(120))) {
                            String key = name + "/" + variant;
                            double seconds = process.timeToReady().toNanos() / 1e9;
                            double mib = ProcStats.rssMiB(process.pid());
                            ready.computeIfAbsent(key, k -> new ArrayList<>()).add(seconds);
                            rss.computeIfAbsent(key, k -> new ArrayList<>()).add(mib);
                            System.out.printf(Locale.ROOT, "startup: run %d %s: ready in %.2f s, RSS %.0f MiB%n",
                                    run, key, seconds, mib);
                            process.kill(); // measured; a graceful stop would only add its drain time to the run
                        }
                    }
                }
            }
        } finally {
            Files.deleteIfExists(jwks);
        }
        return section(quick, starts, ready, rss);
    }

    /**
     * One training start per process for its AppCDS archive, all at once: they are not measured, and the JVM writes
     * the archive when it exits, whatever else ran meanwhile. (A start that records an archive takes two to three
     * times as long as a plain one, so one after the other they took over two minutes.)
     */
    private void train(Map<String, Map<String, String>> environments, Path cds) throws Exception {
        System.out.println("startup: training starts of " + String.join(", ", processes)
                + " at once, for their AppCDS archives ...");
        List<Thread> starts = new ArrayList<>();
        Map<String, Exception> failures = new ConcurrentHashMap<>();
        for (String name : processes) {
            Path archive = cds.resolve(name + ".jsa");
            Files.deleteIfExists(archive);
            starts.add(Thread.ofVirtual().name("train-" + name).start(() -> {
                try (BenchProcess process = BenchProcess.start(name, environments.get(name),
                        options("xms+cds", archive), Duration.ofSeconds(300))) {
                    process.stop(Duration.ofSeconds(120)); // the archive is written while the JVM exits
                } catch (Exception e) {
                    failures.put(name, e);
                }
            }));
        }
        for (Thread start : starts) {
            start.join();
        }
        if (!failures.isEmpty()) {
            Map.Entry<String, Exception> first = failures.entrySet().iterator().next();
            throw new IllegalStateException("training start of " + first.getKey() + " failed: "
                    + first.getValue().getMessage(), first.getValue());
        }
        for (String name : processes) {
            if (!Files.exists(cds.resolve(name + ".jsa"))) {
                System.out.println("startup: no archive written for " + name + "; its `./cairn up` starts run without");
            }
        }
    }

    /**
     * Variants: the JVM options alone (how {@code ./cairn up} started them before the footprint work), and as
     * {@code ./cairn up} starts them now, with a small initial heap and an AppCDS archive.
     */
    static final List<String> VARIANTS = List.of("default", "xms+cds");

    List<String> options(String variant, Path archive) {
        List<String> options = new ArrayList<>(UP_JVM);
        if (variant.contains("xms")) {
            options.add(SMALL_HEAP);
        }
        if (variant.contains("cds")) {
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-XX:+AutoCreateSharedArchive");
        }
        options.addAll(extraJvmOptions);
        return options;
    }

    /** An initial heap of 16 MiB: the heap grows only as far as the service needs instead of starting at Xmx. */
    static final String SMALL_HEAP = "-Xms16m";

    private Section section(boolean quick, int starts, Map<String, List<Double>> ready,
                                   Map<String, List<Double>> rss) {
        Section.Table table = new Section.Table("process", "ready s, plain options", "ready s, `./cairn up`",
                "× plain", "RSS MiB, plain options", "RSS MiB, `./cairn up`", "≤ 3 s and ≤ 200 MB: plain / `./cairn up`");
        for (String name : processes) {
            Summary plain = Summary.of(ready.getOrDefault(name + "/default", List.of()));
            Summary tuned = Summary.of(ready.getOrDefault(name + "/xms+cds", List.of()));
            Summary plainRss = Summary.of(rss.getOrDefault(name + "/default", List.of()));
            Summary tunedRss = Summary.of(rss.getOrDefault(name + "/xms+cds", List.of()));
            table.row(name, plain.format(2), tuned.format(2), Summary.number(tuned.ratioTo(plain), 2),
                    plainRss.format(0), tunedRss.format(0),
                    (meets(plain, plainRss) ? "yes" : "no") + " / " + (meets(tuned, tunedRss) ? "yes" : "no"));
        }
        return new Section("Startup and footprint")
                .command("./cairn bench startup" + (quick ? " --quick" : ""))
                .text("Each process is started from its built jar with the JVM options `./cairn up` passes (`"
                        + String.join(" ", UP_JVM) + "`" + (extraJvmOptions.isEmpty() ? "" : ", here plus `"
                        + String.join(" ", extraJvmOptions) + "` from --jvm-option")
                        + ") against local datastores (PostgreSQL, Redis, RabbitMQ; "
                        + "MongoDB and Kafka in-process in the benchmark JVM when none listens on the standard port). "
                        + "Time to ready = from spawning `java` to the first `GET /health/ready` answering UP (polled "
                        + "every 10 ms; readiness includes connecting to every datastore the service needs); RSS = "
                        + "`VmRSS` of `/proc/<pid>/status` right then. " + starts + " start(s) per process and "
                        + "variant, the variants alternating; medians with (min–max) when there are several. Variants: "
                        + "plain = those options alone (how `./cairn up` started the processes before the footprint "
                        + "work); `./cairn up` = plus `-Xms16m` and an AppCDS archive, as `./cairn up` starts them now "
                        + "(one training start per process with `-XX:SharedArchiveFile=bench/target/cds/<name>.jsa "
                        + "-XX:+AutoCreateSharedArchive`: the JVM writes every class it loaded to the archive when it "
                        + "exits, later starts map them instead of loading, verifying and linking them again; "
                        + "`./cairn up` keeps its archives in `.cairn/cds/`).")
                .table(table);
    }

    private static boolean meets(Summary ready, Summary rssMiB) {
        return ready.median() <= 3 && rssMiB.median() * 1.048576 <= 200;
    }
}
