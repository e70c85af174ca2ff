package dev.cairn.operator.runtime;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.testing.LoadGenerator;
import dev.cairn.operator.testing.MockKubernetes;
import dev.cairn.operator.testing.Platforms;
import dev.cairn.operator.testing.Pods;
import dev.cairn.operator.testing.StubService;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end: {@code java -jar target/cairn-operator.jar} runs against the mock API server; the product service's
 * pods are stub HTTP servers exposing /metrics; load on them makes the operator raise the Deployment's replicas.
 */
class OperatorProcessIT {

    private final String namespace = Platforms.namespace();
    private MockKubernetes kubernetes;
    private KubernetesClient client;
    private StubService pod;
    private Process operator;
    private int operatorPort;
    private Path log;

    @BeforeEach
    void start() throws IOException {
        kubernetes = MockKubernetes.start();
        client = kubernetes.client();
        pod = new StubService();
        try (ServerSocket socket = new ServerSocket(0)) {
            operatorPort = socket.getLocalPort();
        }
        log = Path.of("target", "operator-process-it.log");
        Path jar = Path.of(System.getProperty("cairn.operator.jar", "target/cairn-operator.jar"));
        assertThat(jar).as("run after mvn package").exists();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("KUBERNETES_MASTER", kubernetes.url());
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        env.put("KUBERNETES_HTTP2_DISABLE", "true");
        env.put("CAIRN_OPERATOR_NAMESPACES", namespace);
        env.put("CAIRN_OPERATOR_PORT", String.valueOf(operatorPort));
        env.put("CAIRN_OPERATOR_LEADER_ELECTION", "false");
        env.put("CAIRN_OPERATOR_AUTOSCALER_INTERVAL", "1s");
        operator = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (operator.isAlive()) {
            operator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        pod.close();
        kubernetes.close();
    }

    private Deployment products() {
        return client.apps().deployments().inNamespace(namespace).withName("shop-product-service").get();
    }

    private String operatorMetrics() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operatorPort + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void raisesReplicasWithinTenSecondsOfLoadOnThePods() throws Exception {
        MicroservicePlatform platform = Platforms.cairn("shop", namespace);
        platform.getMetadata().setUid(null);
        var scaling = Platforms.autoscaling(ScalingMetric.RPS, 20, 1, 4);
        platform.getSpec().getServices().get(1).setAutoscaling(scaling);
        client.resource(platform).create();
        Pods.runningAt(client, namespace, "shop-product-service-5d8f7-x2x9k",
                Map.of("app.kubernetes.io/name", "product-service", "app.kubernetes.io/instance", "shop"), pod);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(products())
                .as("operator log: %s", log.toAbsolutePath()).isNotNull());
        assertThat(products().getSpec().getReplicas()).as("replicas are the autoscaler's").isNull();

        Instant loadStarted = Instant.now();
        try (LoadGenerator load = new LoadGenerator("http://127.0.0.1:" + pod.port() + "/api/v1/products", 4)) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(products().getSpec().getReplicas()).isNotNull().isGreaterThan(1));
        }
        Duration reaction = Duration.between(loadStarted, Instant.now());

        assertThat(reaction).isLessThan(Duration.ofSeconds(10));
        assertThat(pod.requests()).isPositive();
        assertThat(operatorMetrics()).contains(
                "cairn_operator_scale_decisions_total{component=\"product-service\",direction=\"up\"}");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client
                .resources(MicroservicePlatform.class).inNamespace(namespace).withName("shop").get().getStatus()
                .component("product-service").orElseThrow().getLastScaleReason()).isNotBlank());

        operator.destroy();
        assertThat(operator.waitFor(15, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.startsWith("{\"time\":") && l.contains("\"message\":\"scaled\""));
        assertThat(lines).anyMatch(l -> l.contains("cairn operator stopping"));
    }
}
