package dev.cairn.operator.runtime;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.Phase;
import dev.cairn.operator.testing.Kubelet;
import dev.cairn.operator.testing.MockKubernetes;
import dev.cairn.operator.testing.Platforms;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole operator (java-operator-sdk, informers, reconciler, autoscaler, health server) in this JVM. */
class OperatorRuntimeTest {

    private final String namespace = Platforms.namespace();
    private final String otherNamespace = Platforms.namespace();
    private MockKubernetes kubernetes;
    private KubernetesClient client;
    private OperatorRuntime runtime;

    @BeforeEach
    void start() throws Exception {
        kubernetes = MockKubernetes.start();
        client = kubernetes.client();
        runtime = OperatorRuntime.start(new OperatorConfig(Set.of(namespace), 0, false, "cairn-operator", "",
                Duration.ofSeconds(1), "test"), client, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        runtime.close();
        kubernetes.close();
    }

    private MicroservicePlatform platform(String ns) {
        return client.resources(MicroservicePlatform.class).inNamespace(ns).withName("shop").get();
    }

    private String get(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + runtime.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    @Test
    void reconcilesANewPlatformToReadyWhenItsDeploymentsBecomeReady() throws Exception {
        MicroservicePlatform spec = Platforms.cairn("shop", namespace);
        spec.getMetadata().setUid(null);
        client.resource(spec).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(client.apps().deployments().inNamespace(namespace).list().getItems()).hasSize(5);
            assertThat(platform(namespace).getStatus()).isNotNull();
        });
        assertThat(platform(namespace).getStatus().getPhase()).isIn(Phase.Pending, Phase.Progressing);

        Kubelet.rollOutAll(client, namespace);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(platform(namespace).getStatus().getPhase()).isEqualTo(Phase.Ready));
        assertThat(get("/health/live")).isEqualTo("200 {\"status\":\"UP\"}");
        assertThat(get("/health/ready")).isEqualTo("200 {\"status\":\"UP\"}");
        assertThat(get("/metrics")).contains("cairn_operator_reconciles_total{result=\"success\"}",
                "cairn_operator_reconcile_seconds_count", "cairn_operator_applied_objects_total");
    }

    @Test
    void leavesPlatformsInNamespacesItDoesNotWatchAlone() {
        MicroservicePlatform watched = Platforms.cairn("shop", namespace);
        watched.getMetadata().setUid(null);
        MicroservicePlatform ignored = Platforms.cairn("shop", otherNamespace);
        ignored.getMetadata().setUid(null);
        client.resource(ignored).create();
        client.resource(watched).create();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(platform(namespace).getStatus()).isNotNull());
        assertThat(client.apps().deployments().inNamespace(otherNamespace).list().getItems()).isEmpty();
        assertThat(platform(otherNamespace).getStatus()).isNull();
    }

    @Test
    void holdsALeaseWhenLeaderElectionIsOn() throws Exception {
        // java-operator-sdk first asks whether it may use Leases; the mock has no authorizer, so answer as RBAC would.
        kubernetes.server().expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, """
                        {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","metadata":{},
                         "spec":{"namespace":"%s"},
                         "status":{"incomplete":false,"nonResourceRules":[],"resourceRules":[
                           {"apiGroups":["coordination.k8s.io"],"resources":["leases"],
                            "verbs":["get","create","update","patch"]}]}}""".formatted(namespace)).always();
        runtime.close();
        runtime = OperatorRuntime.start(new OperatorConfig(Set.of(namespace), 0, true, "cairn-operator-test",
                namespace, Duration.ofSeconds(1), "instance-a"), client, Clock.systemUTC());
        MicroservicePlatform spec = Platforms.cairn("shop", namespace);
        spec.getMetadata().setUid(null);
        client.resource(spec).create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var lease = client.leases().inNamespace(namespace).withName("cairn-operator-test").get();
            assertThat(lease).isNotNull();
            assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("instance-a");
            assertThat(platform(namespace).getStatus()).isNotNull();
        });
    }
}
