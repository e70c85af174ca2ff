package dev.cairn.operator;

import dev.cairn.operator.runtime.JsonLogFormatter;
import dev.cairn.operator.runtime.OperatorConfig;
import dev.cairn.operator.runtime.OperatorLogManager;
import dev.cairn.operator.runtime.OperatorRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@code java -jar cairn-operator.jar}: reconciles MicroservicePlatform resources in the cluster of the current
 * kubeconfig (or the in-cluster service account). Every option has an environment variable (docs/OPERATOR.md).
 */
@Command(name = "cairn-operator", mixinStandardHelpOptions = true, version = "cairn-operator 0.1.0",
        description = "Reconciles MicroservicePlatform (platform.cairn.dev/v1alpha1) resources.",
        footer = "Kubernetes connection: KUBECONFIG or ~/.kube/config, or the in-cluster service account.")
public final class CairnOperator implements Callable<Integer> {

    private static final Path SERVICE_ACCOUNT_NAMESPACE =
            Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    @Option(names = "--namespaces", defaultValue = "${env:CAIRN_OPERATOR_NAMESPACES:-}",
            description = "Comma-separated namespaces to watch; empty: all (env CAIRN_OPERATOR_NAMESPACES).")
    String namespaces;

    @Option(names = "--port", defaultValue = "${env:CAIRN_OPERATOR_PORT:-8090}",
            description = "Port of /health/live, /health/ready and /metrics (env CAIRN_OPERATOR_PORT, default 8090).")
    int port;

    @Option(names = "--leader-election", defaultValue = "${env:CAIRN_OPERATOR_LEADER_ELECTION:-true}",
            arity = "1", description = "Elect a leader through a Lease (env CAIRN_OPERATOR_LEADER_ELECTION, "
                    + "default true).")
    boolean leaderElection;

    @Option(names = "--lease-namespace", defaultValue = "${env:CAIRN_OPERATOR_LEASE_NAMESPACE:-}",
            description = "Namespace of the Lease (env CAIRN_OPERATOR_LEASE_NAMESPACE; default: the pod's "
                    + "namespace).")
    String leaseNamespace;

    @Option(names = "--lease-name", defaultValue = "${env:CAIRN_OPERATOR_LEASE_NAME:-cairn-operator}",
            description = "Name of the Lease (env CAIRN_OPERATOR_LEASE_NAME, default cairn-operator).")
    String leaseName;

    @Option(names = "--autoscaler-interval", defaultValue = "${env:CAIRN_OPERATOR_AUTOSCALER_INTERVAL:-5s}",
            converter = DurationConverter.class,
            description = "Time between scaling decisions, e.g. 5s (env CAIRN_OPERATOR_AUTOSCALER_INTERVAL).")
    Duration autoscalerInterval;

    @Option(names = "--log-level", defaultValue = "${env:CAIRN_OPERATOR_LOG_LEVEL:-INFO}",
            description = "TRACE, DEBUG, INFO, WARN or ERROR (env CAIRN_OPERATOR_LOG_LEVEL, default INFO).")
    String logLevel;

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", OperatorLogManager.class.getName());
        System.exit(new CommandLine(new CairnOperator()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        configureLogging(logLevel);
        OperatorConfig config;
        try {
            config = new OperatorConfig(parseNamespaces(namespaces), port, leaderElection, leaseName,
                    leaseNamespace.isBlank() ? podNamespace() : leaseNamespace, autoscalerInterval, identity());
        } catch (IllegalArgumentException e) {
            System.err.println("cairn-operator: " + e.getMessage());
            return 2;
        }
        KubernetesClient client = new KubernetesClientBuilder().build();
        OperatorRuntime runtime = OperatorRuntime.start(config, client, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            client.close();
            Logger.getLogger(CairnOperator.class.getName()).info("cairn operator stopped");
            stopped.countDown();
            OperatorLogManager.resetFinally();
        }, "cairn-operator-shutdown"));
        stopped.await();
        return 0;
    }

    static Set<String> parseNamespaces(String value) {
        return value == null ? Set.of() : Arrays.stream(value.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static String podNamespace() throws IOException {
        String fromEnv = System.getenv("POD_NAMESPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return Files.exists(SERVICE_ACCOUNT_NAMESPACE) ? Files.readString(SERVICE_ACCOUNT_NAMESPACE).trim() : "";
    }

    private static String identity() throws IOException {
        String pod = System.getenv("POD_NAME");
        return pod != null && !pod.isBlank() ? pod : InetAddress.getLocalHost().getHostName();
    }

    /** Every log line as JSON on standard error, at the given level (SLF4J names). */
    static void configureLogging(String level) {
        Level julLevel = switch (level.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "TRACE" -> Level.FINEST;
            case "DEBUG" -> Level.FINE;
            case "WARN" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> Level.INFO;
        };
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new JsonLogFormatter());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(julLevel);
        OperatorLogManager.deferReset();
    }

    /** Reads 5s, 500ms, 1m or an ISO-8601 duration. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            if (v.startsWith("p")) {
                return Duration.parse(value.trim().toUpperCase(java.util.Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new CommandLine.TypeConversionException("'" + value + "' is not a duration like 5s");
            };
        }
    }
}
