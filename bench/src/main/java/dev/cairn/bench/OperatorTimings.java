package dev.cairn.bench;

import dev.cairn.launcher.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's timings, measured by {@code dev.cairn.operator.bench.OperatorBenchmark} (operator test sources) in
 * a JVM of its own with the operator's test classpath: the operator needs fabric8's Jackson 2.20 and the mock API
 * server, which do not mix with the Helidon classpath of this module.
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
        description = "Operator: create → all objects applied for 1 and N platforms (mock API server); autoscaler "
                + "reaction time from a load step to the scale-up.")
public final class OperatorTimings extends Benchmark {


    @Option(names = "--rounds", description = "Rounds per figure (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--platforms", description = "Platforms created at once (default: ${DEFAULT-VALUE}).")
    int platforms = 100;


    @Override
    public Section measure(boolean quick) throws Exception {
        int n = quick ? 1 : rounds;
        Path root = Project.root();
        Path classpathFile = root.resolve("bench/target/operator-test-classpath.txt");
        System.out.println("operator: compiling the operator's tests and resolving their classpath (Maven, offline) ...");
        Files.createDirectories(classpathFile.getParent());
        run(root, List.of(root.resolve("mvnw").toString(), "-B", "-q", "-o", "-pl", "operator", "test-compile",
                "dependency:build-classpath", "-Dmdep.outputFile=" + classpathFile, "-Dmdep.includeScope=test"), null);
        String classpath = root.resolve("operator/target/test-classes") + ":" + root.resolve("operator/target/classes")
                + ":" + Files.readString(classpathFile).strip();
        List<String> command = new ArrayList<>(List.of(Project.javaCommand(), "-XX:+UseParallelGC", "-Xmx1g",
                "-Djava.util.logging.config.file=/dev/null",
                "-Dcairn.crd.generated=" + root.resolve("operator/target/classes/META-INF/fabric8/"
                        + "microserviceplatforms.platform.cairn.dev-v1.yml"),
                "-cp", classpath, "dev.cairn.operator.bench.OperatorBenchmark", Integer.toString(n),
                Integer.toString(platforms), "5", "1"));
        Map<String, List<Double>> results = new LinkedHashMap<>();
        Map<String, String> writes = new LinkedHashMap<>();
        Map<String, List<Double>> reconcileCounts = new LinkedHashMap<>();
        Map<String, List<Double>> reconcileMeans = new LinkedHashMap<>();
        run(root, command, line -> {
            String[] parts = line.split(" ");
            if (line.startsWith("RESULT ")) {
                results.computeIfAbsent(parts[1], key -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
                System.out.println("operator: " + parts[1] + " " + parts[2] + " ms");
            } else if (line.startsWith("WRITES ")) {
                writes.put(parts[1], parts[2]);
            } else if (line.startsWith("RECONCILE ")) {
                reconcileCounts.computeIfAbsent(parts[1], key -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
                reconcileMeans.computeIfAbsent(parts[1], key -> new ArrayList<>()).add(Double.parseDouble(parts[3]));
            }
        });
        Summary one = Summary.of(results.get("create-1"));
        Summary many = Summary.of(results.get("create-" + platforms));
        Section.Table create = new Section.Table("platforms created at once", "create → all applied, ms, median (min–max)",
                "per platform, ms", "× one platform", "API writes (last round)", "reconciles",
                "mean reconcile, ms (operator's own timer)");
        create.row("1", one.format(0), one.format(0), "1.00", writes.getOrDefault("create-1", "?"),
                Summary.of(reconcileCounts.getOrDefault("create-1", List.of())).format(0),
                Summary.of(reconcileMeans.getOrDefault("create-1", List.of())).format(0));
        String manyKey = "create-" + platforms;
        create.row(Integer.toString(platforms), many.format(0), Summary.number(many.median() / platforms, 1),
                Summary.number(many.ratioTo(one), 1), writes.getOrDefault(manyKey, "?"),
                Summary.of(reconcileCounts.getOrDefault(manyKey, List.of())).format(0),
                Summary.of(reconcileMeans.getOrDefault(manyKey, List.of())).format(0));
        Summary keygen = Summary.of(results.getOrDefault("keygen", List.of()));
        Section.Table scale = new Section.Table("autoscaler interval", "load step → replicas raised, s, median (min–max)",
                "in intervals");
        for (String interval : List.of("5s", "1s")) {
            Summary reaction = Summary.of(results.getOrDefault("scale-" + interval, List.of()).stream()
                    .map(ms -> ms / 1000).toList());
            scale.row(interval + (interval.equals("5s") ? " (default)" : ""), reaction.format(2),
                    Summary.number(reaction.median() / Double.parseDouble(interval.replace("s", "")), 2));
        }
        return new Section("Operator: reconcile and autoscaler timings")
                .command("./cairn bench operator" + (quick ? " --quick" : ""))
                .text("The whole operator (java-operator-sdk informers, reconciler, status) in one JVM against the "
                        + "fabric8 mock API server in CRUD mode with the server-side-apply shim of the operator's tests "
                        + "(`MockKubernetes`). Time from the first `create` of the MicroservicePlatform(s) until every "
                        + "one has a status phase and all its Deployments (5 per platform) exist, polled every 5 ms; "
                        + "a fresh API server and operator per measurement, after one warm-up platform. " + n
                        + " round(s).")
                .table(create)
                .text("Where the time went in a JFR recording of `OperatorBenchmark 1 100` taken while this benchmark was "
                        + "built (not regenerated by the run): about half the CPU is the mock API "
                        + "server itself (its CRUD store matches every request's labels and fields against every "
                        + "stored object, so it slows as objects pile up — a real API server indexes), about a quarter "
                        + "is the one RSA-2048 key pair the operator generates per new platform for its token-signing "
                        + "Secret (" + keygen.format(0) + " ms each here, in the same JVM), and the reconciler's own "
                        + "work (desired state, JSON comparison, hashing) is most of the rest. The mean reconcile is "
                        + "long because reconciles of different platforms wait for the shared API server and CPU.")
                .text("Autoscaler reaction: a product-service pod (a stub exporting `cairn_http_server_requests_total`) "
                        + "with `rps` autoscaling (target 10/s, 1–4 replicas) idles for one round of the autoscaler "
                        + "loop (a third of an interval past it); then 2 clients send requests as fast as it answers (hundreds per second), and the time "
                        + "until the Deployment's `replicas` go above 1 is measured. The idle round already took the counter's "
                        + "baseline, so the first round after the step sees the rate and decides (panic mode: 30+ rps "
                        + "on a 10 rps target); the reaction is therefore up to one interval plus a scrape and a patch, "
                        + "and the interval (`CAIRN_OPERATOR_AUTOSCALER_INTERVAL`, default 5 s) is the knob.")
                .table(scale);
    }

    interface LineHandler {
        void line(String line);
    }

    private static void run(Path root, List<String> command, LineHandler handler) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (output.size() > 200) {
                    output.removeFirst();
                }
                output.add(line);
                if (handler != null) {
                    handler.line(line);
                }
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + " failed:\n" + String.join("\n", output));
        }
    }
}
