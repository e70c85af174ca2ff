package dev.cairn.operator.reconciler;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.Phase;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.autoscaler.Autoscaler;
import dev.cairn.operator.autoscaler.ScalingActivity;
import dev.cairn.operator.model.Labels;
import dev.cairn.operator.runtime.OperatorMetrics;
import dev.cairn.operator.status.EventRecorder;
import dev.cairn.operator.testing.Kubelet;
import dev.cairn.operator.testing.MockKubernetes;
import dev.cairn.operator.testing.MutableClock;
import dev.cairn.operator.testing.Platforms;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation against the fabric8 mock API server in CRUD mode (with the server-side-apply shim). */
class PlatformSyncTest {

    private static MockKubernetes kubernetes;
    private static KubernetesClient client;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final String namespace = Platforms.namespace();
    private OperatorMetrics metrics;
    private Autoscaler autoscaler;
    private PlatformSync sync;

    @BeforeAll
    static void startServer() {
        kubernetes = MockKubernetes.start();
        client = kubernetes.client();
    }

    @AfterAll
    static void stopServer() {
        kubernetes.close();
    }

    @BeforeEach
    void createSync() {
        metrics = new OperatorMetrics(new SimpleMeterRegistry());
        EventRecorder events = new EventRecorder(client, clock, "test");
        ScalingActivity activity = new ScalingActivity();
        autoscaler = new Autoscaler(client, activity, events, metrics, clock, Duration.ofSeconds(1));
        sync = new PlatformSync(client, events, activity, autoscaler, metrics, clock);
    }

    @AfterEach
    void closeAutoscaler() {
        autoscaler.close();
    }

    private MicroservicePlatform create(MicroservicePlatform platform) {
        platform.getMetadata().setUid(null);
        platform.getMetadata().setGeneration(null);
        return client.resource(platform).create();
    }

    private MicroservicePlatform fresh(MicroservicePlatform platform) {
        return client.resources(MicroservicePlatform.class).inNamespace(namespace)
                .withName(platform.getMetadata().getName()).get();
    }

    private <T extends HasMetadata> List<String> names(Class<T> kind) {
        return client.resources(kind).inNamespace(namespace).list().getItems().stream()
                .map(o -> o.getMetadata().getName()).sorted().toList();
    }

    private List<String> writesToNamespace() {
        return kubernetes.writes().stream().filter(w -> w.contains("/namespaces/" + namespace + "/")).toList();
    }

    @Test
    void createsEveryObjectAndBecomesReadyOnceTheDeploymentsAre() {
        MicroservicePlatform platform = create(Platforms.cairn("shop", namespace));

        sync.sync(platform);

        List<String> components = List.of("shop-analytics-service", "shop-gateway", "shop-order-service",
                "shop-product-service", "shop-user-service");
        assertThat(names(Deployment.class)).isEqualTo(components);
        assertThat(names(Service.class)).isEqualTo(components);
        assertThat(names(PodDisruptionBudget.class)).isEqualTo(components);
        assertThat(names(NetworkPolicy.class)).isEqualTo(components);
        assertThat(names(ConfigMap.class)).containsExactly("shop-gateway-routes");
        assertThat(names(Secret.class)).containsExactly("shop-auth-key");
        assertThat(fresh(platform).getStatus().getPhase()).isEqualTo(Phase.Pending);
        assertThat(client.v1().events().inNamespace(namespace).list().getItems()).extracting(Event::getReason)
                .contains("Created");

        Kubelet.rollOutAll(client, namespace);
        sync.sync(fresh(platform));

        MicroservicePlatform ready = fresh(platform);
        assertThat(ready.getStatus().getPhase()).as("%s", ready.getStatus().getConditions()).isEqualTo(Phase.Ready);
        assertThat(ready.getStatus().getObservedGeneration()).isEqualTo(ready.getMetadata().getGeneration());
        assertThat(ready.getStatus().condition("Ready").orElseThrow().getStatus()).isEqualTo("True");
        assertThat(ready.getStatus().getComponents()).hasSize(5);
    }

    @Test
    void updatesChangedObjectsAndPrunesTheOnesTheSpecNoLongerNames() {
        MicroservicePlatform platform = create(Platforms.cairn("shop", namespace));
        sync.sync(platform);

        MicroservicePlatform changed = fresh(platform);
        changed.getSpec().getServices().removeIf(s -> s.getName().equals("analytics-service"));
        changed.getSpec().getServices().add(Platforms.service("search-service", 8085, "/api/v1/search"));
        changed.getSpec().getServices().stream().filter(s -> s.getName().equals("order-service")).findFirst()
                .orElseThrow().setImage("registry.example/orders:2.0.0");
        changed = client.resource(changed).update();
        sync.sync(changed);

        assertThat(names(Deployment.class)).contains("shop-search-service").doesNotContain("shop-analytics-service");
        assertThat(names(Service.class)).contains("shop-search-service").doesNotContain("shop-analytics-service");
        assertThat(names(PodDisruptionBudget.class)).doesNotContain("shop-analytics-service");
        assertThat(names(NetworkPolicy.class)).doesNotContain("shop-analytics-service");
        Deployment orders = client.apps().deployments().inNamespace(namespace).withName("shop-order-service").get();
        assertThat(orders.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("registry.example/orders:2.0.0");
        String routes = client.configMaps().inNamespace(namespace).withName("shop-gateway-routes").get().getData()
                .get("routes.yaml");
        assertThat(routes).contains("/api/v1/search").doesNotContain("analytics");
        assertThat(client.v1().events().inNamespace(namespace).list().getItems()).extracting(Event::getReason)
                .contains("Updated", "Pruned");
    }

    @Test
    void ownsEveryObjectSoDeletingThePlatformCollectsThem() {
        MicroservicePlatform platform = create(Platforms.cairn("shop", namespace));
        sync.sync(platform);

        List<HasMetadata> owned = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : List.of(Deployment.class, Service.class, PodDisruptionBudget.class,
                NetworkPolicy.class, ConfigMap.class, Secret.class)) {
            owned.addAll(client.resources(kind).inNamespace(namespace).list().getItems());
        }

        assertThat(owned).hasSize(5 * 4 + 2).allSatisfy(object ->
                assertThat(object.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
                    assertThat(owner.getUid()).isEqualTo(platform.getMetadata().getUid());
                    assertThat(owner.getKind()).isEqualTo("MicroservicePlatform");
                    assertThat(owner.getController()).isTrue();
                }));
        client.resource(platform).delete();
        assertThat(fresh(platform)).isNull();
    }

    @Test
    void writesNothingWhenReconciledAgainWithoutChanges() {
        MicroservicePlatform platform = create(Platforms.cairn("shop", namespace));
        sync.sync(platform);
        Kubelet.rollOutAll(client, namespace);
        sync.sync(fresh(platform));
        kubernetes.clearWrites();

        PlatformSync.Outcome outcome = sync.sync(fresh(platform));

        assertThat(outcome.statusWritten()).as("%s", outcome.status().getConditions()).isFalse();
        assertThat(writesToNamespace()).isEmpty();
    }

    @Test
    void putsBackAFieldChangedByHand() {
        MicroservicePlatform platform = create(Platforms.cairn("shop", namespace));
        sync.sync(platform);
        client.apps().deployments().inNamespace(namespace).withName("shop-user-service")
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");
                    return d;
                });

        sync.sync(fresh(platform));

        assertThat(client.apps().deployments().inNamespace(namespace).withName("shop-user-service").get().getSpec()
                .getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/cairn-dev/cairn-user-service:1.2.3");
    }

    @Test
    void generatesTheSigningKeyOnceAndNeverRotatesIt() {
        MicroservicePlatform platform = create(Platforms.cairn("shop", namespace));
        sync.sync(platform);
        Secret first = client.secrets().inNamespace(namespace).withName("shop-auth-key").get();
        String key = first.getStringData() != null ? first.getStringData().get("signing-key.pem")
                : first.getData().get("signing-key.pem");
        assertThat(key).isNotBlank();

        MicroservicePlatform changed = fresh(platform);
        changed.getSpec().setVersion("1.2.4");
        sync.sync(client.resource(changed).update());
        sync.sync(fresh(platform));

        Secret after = client.secrets().inNamespace(namespace).withName("shop-auth-key").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
        assertThat(kubernetes.writes()).noneMatch(w -> w.startsWith("PATCH") && w.contains("/secrets/"));
    }

    @Test
    void reportsAnInvalidSpecAsDegradedWithoutApplyingAnything() {
        MicroservicePlatform platform = Platforms.cairn("shop", namespace);
        platform.getSpec().getServices().add(Platforms.service("user-service", 9000, "/other"));
        platform = create(platform);

        sync.sync(platform);

        MicroservicePlatform degraded = fresh(platform);
        assertThat(degraded.getStatus().getPhase()).isEqualTo(Phase.Degraded);
        assertThat(degraded.getStatus().condition("Degraded").orElseThrow()).satisfies(c -> {
            assertThat(c.getReason()).isEqualTo("InvalidSpec");
            assertThat(c.getMessage()).isEqualTo("spec.services[4].name: 'user-service' is used by another service");
        });
        assertThat(names(Deployment.class)).isEmpty();
        assertThat(client.v1().events().inNamespace(namespace).list().getItems()).extracting(Event::getReason)
                .contains("InvalidSpec");
    }

    @Test
    void leavesReplicasToTheAutoscalerWhenAutoscalingIsOn() {
        MicroservicePlatform platform = Platforms.cairn("shop", namespace);
        platform.getSpec().getServices().get(1).setAutoscaling(Platforms.autoscaling(ScalingMetric.RPS, 50, 1, 5));
        platform = create(platform);
        sync.sync(platform);
        client.apps().deployments().inNamespace(namespace).withName("shop-product-service")
                .patch(new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
                        .withFieldManager(Autoscaler.FIELD_MANAGER).build(), "{\"spec\":{\"replicas\":3}}");
        kubernetes.clearWrites();

        sync.sync(fresh(platform));

        Deployment products = client.apps().deployments().inNamespace(namespace).withName("shop-product-service")
                .get();
        assertThat(products.getSpec().getReplicas()).isEqualTo(3);
        assertThat(writesToNamespace()).noneMatch(w -> w.contains("/deployments/"));
        assertThat(products.getMetadata().getLabels()).containsAllEntriesOf(Labels.managedBy(platform));
    }
}
