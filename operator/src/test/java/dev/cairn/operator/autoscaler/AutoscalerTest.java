package dev.cairn.operator.autoscaler;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.runtime.OperatorMetrics;
import dev.cairn.operator.reconciler.PlatformSync;
import dev.cairn.operator.status.EventRecorder;
import dev.cairn.operator.testing.MockKubernetes;
import dev.cairn.operator.testing.MutableClock;
import dev.cairn.operator.testing.Platforms;
import dev.cairn.operator.testing.Pods;
import dev.cairn.operator.testing.StubService;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The autoscaler's whole round (pods from the API server, /metrics scraped, Deployment patched) with a fake clock. */
class AutoscalerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final String namespace = Platforms.namespace();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MockKubernetes kubernetes;
    private KubernetesClient client;
    private StubService stub;
    private Autoscaler autoscaler;
    private ScalingActivity activity;
    private MicroservicePlatform platform;

    @BeforeEach
    void setUp() throws IOException {
        kubernetes = MockKubernetes.start();
        client = kubernetes.client();
        stub = new StubService();
        OperatorMetrics metrics = new OperatorMetrics(registry);
        EventRecorder events = new EventRecorder(client, clock, "test");
        activity = new ScalingActivity();
        autoscaler = new Autoscaler(client, activity, events, metrics, clock, Duration.ofSeconds(1));
        MicroservicePlatform spec = Platforms.cairn("shop", namespace);
        spec.getSpec().getServices().get(1).setAutoscaling(Platforms.autoscaling(ScalingMetric.RPS, 10, 1, 4));
        spec.getMetadata().setUid(null);
        platform = client.resource(spec).create();
        new PlatformSync(client, events, activity, autoscaler, metrics, clock).sync(platform);
        Pods.runningAt(client, namespace, "shop-product-service-abc12-xyz34",
                Map.of("app.kubernetes.io/name", "product-service", "app.kubernetes.io/instance", "shop"), stub);
    }

    @AfterEach
    void tearDown() {
        autoscaler.close();
        stub.close();
        kubernetes.close();
    }

    private void sendRequests(int count) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (int i = 0; i < count; i++) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stub.port() + "/api/v1/products"))
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    private int replicas() {
        Integer replicas = client.apps().deployments().inNamespace(namespace).withName("shop-product-service").get()
                .getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    @Test
    void raisesReplicasWhenThePodsRequestRateExceedsTheTarget() throws Exception {
        autoscaler.runOnce();
        assertThat(replicas()).as("first scrape gives no rate yet").isEqualTo(1);

        sendRequests(60);
        clock.advance(Duration.ofSeconds(2));
        autoscaler.runOnce();

        assertThat(replicas()).as("30 rps on one pod, target 10, at most 4 replicas").isEqualTo(3);
        assertThat(activity.get(namespace, "shop", "product-service").orElseThrow().lastScaleReason())
                .startsWith("panic (rps 30.0 per pod, target 10.0");
        assertThat(client.v1().events().inNamespace(namespace).list().getItems()).extracting(Event::getReason)
                .contains("Scaled");
        assertThat(registry.get("cairn.operator.scale.decisions").tag("component", "product-service")
                .tag("direction", "up").counter().count()).isEqualTo(1);
    }

    @Test
    void keepsReplicasWhileTheLoadIsOnTarget() throws Exception {
        autoscaler.runOnce();
        sendRequests(20);
        clock.advance(Duration.ofSeconds(2));

        autoscaler.runOnce();

        assertThat(replicas()).isEqualTo(1);
        assertThat(activity.get(namespace, "shop", "product-service").orElseThrow().lastValue()).isEqualTo(10.0);
    }

    @Test
    void reportsMetricsUnavailableWhenNoPodAnswers() {
        stub.close();
        autoscaler.runOnce();
        clock.advance(Duration.ofSeconds(2));
        autoscaler.runOnce();

        assertThat(activity.get(namespace, "shop", "product-service").orElseThrow().problem())
                .startsWith("scraping /metrics failed");
        assertThat(client.v1().events().inNamespace(namespace).list().getItems()).extracting(Event::getReason)
                .containsOnlyOnce("MetricsUnavailable");
    }

    @Test
    void forgetsAPlatformThatWasDeleted() throws Exception {
        autoscaler.runOnce();
        sendRequests(20);
        clock.advance(Duration.ofSeconds(2));
        autoscaler.runOnce();
        assertThat(activity.get(namespace, "shop", "product-service")).isPresent();
        client.resource(platform).delete();

        autoscaler.runOnce();

        assertThat(activity.get(namespace, "shop", "product-service")).isEmpty();
    }
}
