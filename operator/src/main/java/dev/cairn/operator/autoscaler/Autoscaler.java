package dev.cairn.operator.autoscaler;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.model.Component;
import dev.cairn.operator.model.Components;
import dev.cairn.operator.model.Labels;
import dev.cairn.operator.runtime.OperatorMetrics;
import dev.cairn.operator.status.EventRecorder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operator's own autoscaler for {@code rps} and {@code inflight}: every interval it reads each autoscaled
 * component's metric, asks {@link ScalingAlgorithm} for a decision and, when replicas change, patches the
 * Deployment's replicas under its own field manager (the reconciler's server-side apply leaves them out).
 */
public final class Autoscaler implements AutoCloseable {

    public static final String FIELD_MANAGER = "cairn-operator-autoscaler";
    private static final Logger LOG = Logger.getLogger(Autoscaler.class.getName());

    private final KubernetesClient client;
    private final ScalingAlgorithm algorithm;
    private final ScalingActivity activity;
    private final EventRecorder events;
    private final OperatorMetrics metrics;
    private final Clock clock;
    private final Duration interval;
    private final HttpClient http;
    private final PodScrapingMetricSource scraper;
    private final Map<String, PrometheusMetricSource> prometheus = new ConcurrentHashMap<>();
    private final Set<String> platforms = ConcurrentHashMap.newKeySet();
    private final Map<String, ScalerState> states = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    public Autoscaler(KubernetesClient client, ScalingActivity activity, EventRecorder events,
                      OperatorMetrics metrics, Clock clock, Duration interval) {
        this.client = client;
        this.algorithm = new ScalingAlgorithm(clock);
        this.activity = activity;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.interval = interval;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.scraper = new PodScrapingMetricSource(client, http, clock);
    }

    /** Starts deciding every interval. */
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "cairn-autoscaler");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnceSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Called by the reconciler: the platform has (or may have) autoscaled components. */
    public void track(MicroservicePlatform platform) {
        platforms.add(platform.getMetadata().getNamespace() + "/" + platform.getMetadata().getName());
    }

    /** One round of decisions for every tracked platform. */
    public void runOnce() {
        for (String key : platforms) {
            String[] parts = key.split("/", 2);
            MicroservicePlatform platform = client.resources(MicroservicePlatform.class).inNamespace(parts[0])
                    .withName(parts[1]).get();
            if (platform == null) {
                platforms.remove(key);
                activity.forget(parts[0], parts[1]);
                states.keySet().removeIf(k -> k.startsWith(key + "/"));
                continue;
            }
            for (Component component : Components.of(platform)) {
                if (component.scaledByOperator()) {
                    decide(platform, component);
                }
            }
        }
    }

    private void runOnceSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "autoscaler round failed: " + e.getMessage(), e);
        }
    }

    private void decide(MicroservicePlatform platform, Component component) {
        String namespace = platform.getMetadata().getNamespace();
        String key = ScalingActivity.key(namespace, platform.getMetadata().getName(), component.name());
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(component.objectName())
                .get();
        if (deployment == null) {
            return;
        }
        int current = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        ScalingPolicy policy = ScalingPolicy.from(component.autoscaling());
        OptionalDouble value;
        try {
            value = source(platform).perPod(new MetricTarget(namespace, component.objectName(),
                    Labels.selector(platform, component), component.port(), policy.metric(), component.isGateway()));
        } catch (MetricsUnavailableException e) {
            if (activity.failed(key, e.getMessage())) {
                events.warning(platform, "MetricsUnavailable", component.name() + ": " + e.getMessage());
            }
            value = OptionalDouble.empty();
        }
        Decision decision;
        if (value.isPresent()) {
            activity.observed(key, value.getAsDouble());
            decision = algorithm.decide(policy, states.computeIfAbsent(key, k -> new ScalerState()), current,
                    value.getAsDouble());
        } else if (current < policy.minReplicas() || current > policy.maxReplicas()) {
            int bounded = Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), current));
            decision = new Decision(current, bounded, current < bounded ? "below minReplicas " + bounded
                    : "above maxReplicas " + bounded, false);
        } else {
            return;
        }
        if (decision.changed()) {
            scale(platform, component, decision, key);
        }
    }

    private void scale(MicroservicePlatform platform, Component component, Decision decision, String key) {
        try {
            client.apps().deployments().inNamespace(platform.getMetadata().getNamespace())
                    .withName(component.objectName())
                    .patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
                            .withFieldManager(FIELD_MANAGER).build(),
                            "{\"spec\":{\"replicas\":" + decision.to() + "}}");
        } catch (KubernetesClientException e) {
            LOG.log(Level.WARNING, "scaling " + component.objectName() + " failed: " + e.getMessage());
            return;
        }
        activity.scaled(key, clock.instant(), decision.reason());
        metrics.scaleDecision(component.name(), decision.direction());
        events.normal(platform, "Scaled", component.name() + " scaled from " + decision.from() + " to "
                + decision.to() + " replicas: " + decision.reason());
        LOG.log(Level.INFO, "scaled", new Object[] {Map.of("component", component.objectName(),
                "from", decision.from(), "to", decision.to(), "reason", decision.reason())});
    }

    private MetricSource source(MicroservicePlatform platform) {
        var observability = platform.getSpec().getObservability();
        String url = observability == null ? null : observability.getPrometheusUrl();
        if (url == null || url.isBlank()) {
            return scraper;
        }
        return prometheus.computeIfAbsent(url, u -> new PrometheusMetricSource(http, u));
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        http.close();
    }
}
