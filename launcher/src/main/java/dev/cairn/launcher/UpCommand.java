package dev.cairn.launcher;

import dev.cairn.launcher.infra.Datastores;
import dev.cairn.launcher.infra.InfrastructureException;
import dev.cairn.launcher.infra.LocalInfrastructure;
import dev.cairn.launcher.infra.LocalPrometheus;
import dev.cairn.launcher.infra.Ports;
import dev.cairn.launcher.process.ClassDataArchive;
import dev.cairn.launcher.process.ManagedProcess;
import dev.cairn.launcher.process.Readiness;
import dev.cairn.launcher.process.ServiceSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;

/** `cairn up`: datastores, then the four services and the gateway as separate JVMs, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the whole platform on this machine and keep it running until Ctrl-C.",
                "Uses PostgreSQL, Redis and RabbitMQ running locally (or CAIRN_POSTGRES_URL, CAIRN_REDIS_URL, "
                        + "CAIRN_RABBITMQ_URL), starts them if installed but stopped, embeds PostgreSQL/Redis if "
                        + "not installed, and runs an in-process MongoDB-wire server and Kafka broker unless "
                        + "CAIRN_MONGO_URI / CAIRN_KAFKA_BOOTSTRAP point at real ones.",
                "Ctrl-C stops everything gracefully; a second Ctrl-C kills at once."})
final class UpCommand implements Callable<Integer> {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    @Option(names = "--timeout", description = "Seconds to wait for every process to be ready (default: ${DEFAULT-VALUE}).",
            defaultValue = "180")
    int timeoutSeconds;

    @Option(names = {"-q", "--quiet"}, description = "Do not echo the processes' logs (they still go to .cairn/logs/).")
    boolean quiet;

    @Option(names = "--port-offset", description = "Add this to every process port (default: ${DEFAULT-VALUE}: "
            + "gateway 8080, user 8081, order 8082, product 8083, analytics 8084).", defaultValue = "0")
    int portOffset;

    @Option(names = "--java-opts", description = "JVM options for each process (default: ${DEFAULT-VALUE}; env CAIRN_JAVA_OPTS).",
            defaultValue = "${env:CAIRN_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms16m -Xmx256m -XX:+ExitOnOutOfMemoryError}")
    String javaOptions;

    @Option(names = "--cds", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Keep a class-data-sharing archive per process in .cairn/cds/ (made on the first run, used by "
                    + "the next ones: about half the time to ready; docs/benchmarks.md). --no-cds: without.")
    boolean cds;

    @Option(names = "--observability", description = "Also start Prometheus (the installed `prometheus` binary) on port "
            + "9090 + offset, scraping every process with the rules of deploy/prometheus, and print its URL. Spans go "
            + "to CAIRN_OTLP_ENDPOINT when it is set (e.g. a Jaeger at http://127.0.0.1:4318).")
    boolean observability;

    private final Console console = new Console(System.out);
    private Optional<LocalPrometheus> prometheus = Optional.empty();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicInteger interrupts = new AtomicInteger();
    private Optional<LocalAdmin> localAdmin = Optional.empty();

    @Override
    public Integer call() throws Exception {
        Instant start = Instant.now();
        Path root = Project.root();
        List<ServiceSpec> specs = ServiceSpec.PLATFORM.stream().map(s -> s.withPortOffset(portOffset)).toList();
        checkPreconditions(root, specs);
        installSignalHandlers();

        console.say("[1/3] datastores");
        try (LocalInfrastructure infrastructure = new LocalInfrastructure(System.getenv(),
                Project.runDirectory(root).resolve("data"), line -> console.say("      " + line))) {
            Datastores datastores = infrastructure.provide();
            if (stopRequested.getCount() == 0) {
                return 130;
            }
            console.say("[2/3] starting " + specs.size() + " processes");
            Map<String, String> environment = processEnvironment(datastores, specs);
            localAdmin = LocalAdmin.forRun(root, System.getenv());
            localAdmin.ifPresent(admin -> environment.putAll(admin.environment()));
            for (ServiceSpec spec : specs) {
                ManagedProcess process = ManagedProcess.start(spec, root, Project.javaCommand(),
                        jvmOptions(root, spec), environment,
                        RunState.logFile(root, spec.name()), quiet ? null : System.out);
                processes.add(process);
            }
            new RunState(ProcessHandle.current().pid(), start,
                    RunState.entries(specs, processes.stream().map(ManagedProcess::pid).toList()),
                    datastoreUrls(datastores)).write(root);

            console.say("[3/3] waiting for readiness (at most " + timeoutSeconds + " s)");
            if (!awaitReady(specs, start)) {
                stopAll();
                return 1;
            }
            startObservability(root, specs);
            printSummary(specs, start, root);
            watchUntilStopped();
            stopAll();
            return 0;
        } catch (InfrastructureException e) {
            console.say("ERROR: " + e.getMessage());
            stopAll();
            return 1;
        } finally {
            RunState.delete(root);
        }
    }

    /** The JVM options of one process: --java-opts, and its class-data-sharing archive unless --no-cds. */
    private List<String> jvmOptions(Path root, ServiceSpec spec) throws IOException {
        List<String> options = new ArrayList<>(Arrays.asList(javaOptions.trim().split("\\s+")));
        if (cds) {
            Path archives = Files.createDirectories(Project.runDirectory(root).resolve("cds"));
            Path archive = archives.resolve(spec.name() + ".jsa");
            ClassDataArchive.removeIfStale(archive, spec.jar(root), Project.jdkModules());
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-XX:+AutoCreateSharedArchive");
        }
        return options;
    }

    /**
     * What every process gets on top of the inherited environment: the datastore URLs, where the user service
     * publishes its keys and where each service answers (for the gateway's route table and the order service; the
     * ports move with {@code --port-offset}), and the demo catalog for the product service.
     */
    private static Map<String, String> processEnvironment(Datastores datastores, List<ServiceSpec> specs) {
        Map<String, String> environment = new LinkedHashMap<>(datastores.asEnvironment());
        if (System.getenv("CAIRN_AUTH_JWKS_URL") == null) {
            specs.stream().filter(spec -> spec.name().equals("user-service")).findFirst().ifPresent(user ->
                    environment.put("CAIRN_AUTH_JWKS_URL", "http://127.0.0.1:" + user.port() + "/.well-known/jwks.json"));
        }
        Map.of("CAIRN_USERS_URL", "user-service", "CAIRN_ORDERS_URL", "order-service",
                "CAIRN_PRODUCTS_URL", "product-service", "CAIRN_ANALYTICS_URL", "analytics-service").forEach((variable, name) -> {
            if (System.getenv(variable) == null) {
                specs.stream().filter(spec -> spec.name().equals(name)).findFirst().ifPresent(service ->
                        environment.put(variable, "http://127.0.0.1:" + service.port()));
            }
        });
        if (System.getenv("CAIRN_PRODUCTS_SEED") == null) {
            environment.put("CAIRN_PRODUCTS_SEED", "true");
        }
        return environment;
    }

    private void checkPreconditions(Path root, List<ServiceSpec> specs) throws Exception {
        var running = RunState.read(root);
        if (running.isPresent()) {
            throw new IllegalStateException("Cairn is already running (cairn up pid " + running.get().launcherPid()
                    + "): use ./cairn status, or ./cairn down to stop it first.");
        }
        List<String> missing = specs.stream().filter(s -> !Files.isRegularFile(s.jar(root)))
                .map(s -> s.jar(root).toString()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet: " + String.join(", ", missing)
                    + ". Build with: ./mvnw -B -DskipTests package (./cairn up does it on first use).");
        }
        for (ServiceSpec spec : specs) {
            if (Ports.isListening("127.0.0.1", spec.port())) {
                throw new IllegalStateException("Port " + spec.port() + " (" + spec.name() + ") is already in use. "
                        + "Stop what listens there (ss -ltnp 'sport = :" + spec.port() + "'), "
                        + "or start with --port-offset 1000.");
            }
        }
    }

    private void installSignalHandlers() {
        Signal.handle(new Signal("INT"), signal -> onStopSignal());
        Signal.handle(new Signal("TERM"), signal -> onStopSignal());
    }

    private void onStopSignal() {
        if (interrupts.incrementAndGet() == 1) {
            console.say("stopping (press Ctrl-C again to kill at once)");
            stopRequested.countDown();
            return;
        }
        console.say("killing every process now");
        processes.forEach(ManagedProcess::kill);
        Runtime.getRuntime().halt(130);
    }

    private boolean awaitReady(List<ServiceSpec> specs, Instant start) throws InterruptedException {
        Readiness readiness = new Readiness();
        Set<String> waiting = new LinkedHashSet<>(specs.stream().map(ServiceSpec::name).toList());
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        Instant nextProgress = Instant.now().plusSeconds(5);
        while (!waiting.isEmpty()) {
            for (ManagedProcess process : processes) {
                String name = process.spec().name();
                if (!waiting.contains(name)) {
                    continue;
                }
                if (!process.isAlive()) {
                    console.say("ERROR: " + name + " exited with status " + process.exitValue()
                            + " before it was ready. Its last lines:");
                    process.lastLines().forEach(line -> console.say("  " + line));
                    console.say("Full log: " + RunState.logFile(Project.root(), name));
                    return false;
                }
                if (readiness.check("127.0.0.1", process.spec().port()).state() == Readiness.State.UP) {
                    waiting.remove(name);
                    console.say(String.format("ready  %-17s http://127.0.0.1:%d  (%.1f s)  [%d/%d]", name,
                            process.spec().port(), seconds(start), specs.size() - waiting.size(), specs.size()));
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (stopRequested.await(500, TimeUnit.MILLISECONDS)) {
                return false;
            }
            if (Instant.now().isAfter(deadline)) {
                console.say("ERROR: not ready after " + timeoutSeconds + " s: " + String.join(", ", waiting));
                for (String name : waiting) {
                    ServiceSpec spec = specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
                    console.say("  " + name + ": " + readiness.check("127.0.0.1", spec.port()).detail());
                }
                return false;
            }
            if (Instant.now().isAfter(nextProgress)) {
                console.say(String.format("waiting for %s  (%.0f s)", String.join(", ", waiting), seconds(start)));
                nextProgress = Instant.now().plusSeconds(5);
            }
        }
        return true;
    }

    /** With --observability: Prometheus when it is installed, else a line saying how to get it. */
    private void startObservability(Path root, List<ServiceSpec> specs) throws IOException {
        if (!observability) {
            return;
        }
        if (!LocalPrometheus.installed()) {
            console.say("observability: prometheus is not installed (apt-get install prometheus); running without it");
            return;
        }
        prometheus = Optional.of(LocalPrometheus.start(root, specs, LocalPrometheus.PORT + portOffset,
                Project.runDirectory(root).resolve("prometheus"), RunState.logFile(root, "prometheus")));
    }

    private void printSummary(List<ServiceSpec> specs, Instant start, Path root) {
        console.say(String.format("Cairn is up in %.1f s", seconds(start)));
        ServiceSpec gateway = specs.stream().filter(s -> s.name().equals("gateway")).findFirst().orElseThrow();
        console.say("  API (gateway)   http://127.0.0.1:" + gateway.port() + "/api/v1/");
        for (ServiceSpec spec : specs) {
            console.say(String.format("  %-15s http://127.0.0.1:%d  (health /health/ready, metrics /metrics, openapi /openapi)",
                    spec.name(), spec.port()));
        }
        prometheus.ifPresent(p -> console.say("  prometheus      " + p.url() + "  (rules and alerts: "
                + p.url() + "/alerts; dashboards to import: deploy/grafana/dashboards)"));
        String otlp = System.getenv("CAIRN_OTLP_ENDPOINT");
        if (otlp != null && !otlp.isBlank()) {
            console.say("  traces          exported over OTLP to " + otlp);
        }
        console.say("  logs            " + Project.runDirectory(root).resolve("logs") + "  (./cairn logs <name>)");
        localAdmin.ifPresent(admin -> console.say("  admin login     " + admin.email() + " / " + admin.password()
                + "  (kept in " + admin.file() + "; set CAIRN_ADMIN_EMAIL/CAIRN_ADMIN_PASSWORD to choose)"));
        console.say("Press Ctrl-C to stop (or run ./cairn down).");
    }

    private void watchUntilStopped() throws InterruptedException {
        Set<String> reportedDead = new LinkedHashSet<>();
        while (!stopRequested.await(1, TimeUnit.SECONDS)) {
            for (ManagedProcess process : processes) {
                if (!process.isAlive() && reportedDead.add(process.spec().name())) {
                    console.say("WARNING: " + process.spec().name() + " exited with status " + process.exitValue()
                            + "; see ./cairn logs " + process.spec().name());
                }
            }
        }
    }

    private void stopAll() throws InterruptedException {
        if (prometheus.isPresent()) {
            prometheus.get().close();
            prometheus = Optional.empty();
        }
        if (processes.isEmpty()) {
            return;
        }
        console.say("stopping " + processes.size() + " processes");
        processes.forEach(ManagedProcess::terminate);
        for (ManagedProcess process : processes) {
            if (!process.awaitExit(STOP_TIMEOUT)) {
                boolean dumped = process.requestThreadDump();
                console.say(process.spec().name() + " did not stop in " + STOP_TIMEOUT.toSeconds() + " s: killing it"
                        + (dumped ? " (its threads are dumped in ./cairn logs " + process.spec().name() + ")" : ""));
                if (dumped) {
                    process.awaitExit(Duration.ofSeconds(1)); // let it write the dump
                }
                process.kill();
                process.awaitExit(Duration.ofSeconds(5));
            } else {
                console.say("stopped " + process.spec().name() + " (exit status " + process.exitValue() + ")");
            }
        }
        processes.clear();
    }

    private static Map<String, String> datastoreUrls(Datastores datastores) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("postgres", datastores.postgresUrl());
        urls.put("redis", datastores.redisUrl());
        urls.put("rabbitmq", datastores.rabbitmqUrl());
        urls.put("mongo", datastores.mongoUri());
        urls.put("kafka", datastores.kafkaBootstrap());
        return urls;
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
