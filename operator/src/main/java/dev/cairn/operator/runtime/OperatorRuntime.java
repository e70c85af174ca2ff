package dev.cairn.operator.runtime;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.autoscaler.Autoscaler;
import dev.cairn.operator.autoscaler.ScalingActivity;
import dev.cairn.operator.reconciler.PlatformReconciler;
import dev.cairn.operator.reconciler.PlatformSync;
import dev.cairn.operator.status.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The running operator: the java-operator-sdk {@link Operator} with the platform reconciler, the autoscaler and the
 * health/metrics server. {@link #close()} stops them in reverse order (graceful shutdown).
 */
public final class OperatorRuntime implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OperatorRuntime.class.getName());
    private static final Duration RECONCILE_TERMINATION = Duration.ofSeconds(10);

    private final Operator operator;
    private final Autoscaler autoscaler;
    private final HealthServer health;
    private final PrometheusMeterRegistry registry;
    private final AtomicBoolean closing;

    private OperatorRuntime(Operator operator, Autoscaler autoscaler, HealthServer health,
                            PrometheusMeterRegistry registry, AtomicBoolean closing) {
        this.closing = closing;
        this.operator = operator;
        this.autoscaler = autoscaler;
        this.health = health;
        this.registry = registry;
    }

    /** Starts everything; returns once the health server listens and the operator's informers are started. */
    public static OperatorRuntime start(OperatorConfig config, KubernetesClient client, Clock clock)
            throws IOException {
        AtomicBoolean closing = new AtomicBoolean();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OperatorMetrics metrics = new OperatorMetrics(registry);
        EventRecorder events = new EventRecorder(client, clock, config.identity());
        ScalingActivity activity = new ScalingActivity();
        Autoscaler autoscaler = new Autoscaler(client, activity, events, metrics, clock, config.autoscalerInterval());
        PlatformSync sync = new PlatformSync(client, events, activity, autoscaler, metrics, clock);

        Operator operator = new Operator(overrider -> {
            overrider.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withReconciliationTerminationTimeout(RECONCILE_TERMINATION)
                    .withStopOnInformerErrorDuringStartup(true);
            if (config.leaderElection()) {
                overrider.withLeaderElectionConfiguration(leaderElection(config, closing));
            }
        });
        operator.register(new PlatformReconciler(sync), overrider -> {
            overrider.withName("microserviceplatform");
            overrider.withReconciliationMaxInterval(Duration.ofMinutes(5));
            if (config.namespaces().isEmpty()) {
                overrider.watchingAllNamespaces();
            } else {
                overrider.settingNamespaces(config.namespaces());
            }
        });
        HealthServer health = new HealthServer(config.port(),
                () -> operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy(),
                registry);
        operator.start();
        autoscaler.start();
        LOG.info("cairn operator started: namespaces " + (config.namespaces().isEmpty() ? "all"
                : config.namespaces()) + ", health and metrics on port " + health.port() + ", kind "
                + MicroservicePlatform.API_VERSION + "/" + MicroservicePlatform.KIND);
        return new OperatorRuntime(operator, autoscaler, health, registry, closing);
    }

    /**
     * A leader that loses its Lease exits at once (its pod restarts as a standby) so two instances never reconcile
     * together; stopping on purpose releases the Lease without that exit.
     */
    private static LeaderElectionConfiguration leaderElection(OperatorConfig config, AtomicBoolean closing) {
        LeaderCallbacks callbacks = new LeaderCallbacks(
                () -> LOG.info("leading as " + config.identity()),
                () -> {
                    if (!closing.get()) {
                        LOG.severe("lost the lease " + config.leaseName() + "; exiting so that one leader remains");
                        System.exit(1);
                    }
                },
                leader -> LOG.info("leader is " + leader));
        return new LeaderElectionConfiguration(config.leaseName(), config.leaseNamespace(),
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE, config.identity(), callbacks, false);
    }

    public int port() {
        return health.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        LOG.info("cairn operator stopping");
        closing.set(true);
        autoscaler.close();
        operator.stop();
        health.close();
        registry.close();
    }
}
