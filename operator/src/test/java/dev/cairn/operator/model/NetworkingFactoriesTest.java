package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.GatewayServiceType;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.testing.Platforms;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkingFactoriesTest {

    private final MicroservicePlatform platform = Platforms.cairn("shop", "prod");

    private Component component(String name) {
        return Components.named(platform, name).orElseThrow();
    }

    @Test
    void makesServicesHeadlessSoTheGatewaySeesEveryPod() {
        var service = ServiceFactory.build(platform, component("order-service"));

        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/name", "order-service");
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(8082);
            assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
        });
    }

    @Test
    void exposesTheGatewayWithTheServiceTypeOfTheSpec() {
        platform.getSpec().getGateway().setServiceType(GatewayServiceType.LOAD_BALANCER);

        var service = ServiceFactory.build(platform, component("gateway"));

        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(service.getSpec().getClusterIP()).isNull();
    }

    @Test
    void letsAnyoneReachTheGatewayPortOnly() {
        NetworkPolicy policy = NetworkPolicyFactory.build(platform, component("gateway"));

        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).isEmpty();
            assertThat(rule.getPorts()).singleElement().satisfies(port ->
                    assertThat(port.getPort()).isEqualTo(new IntOrString(8080)));
        });
    }

    @Test
    void letsOnlyThePlatformsPodsAndScrapersReachAService() {
        NetworkPolicy policy = NetworkPolicyFactory.build(platform, component("product-service"));

        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/name", "product-service");
        assertThat(policy.getSpec().getIngress()).hasSize(2);
        assertThat(policy.getSpec().getIngress().get(0).getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Map.of(
                    "app.kubernetes.io/instance", "shop", "app.kubernetes.io/part-of", "cairn"));
        });
        assertThat(policy.getSpec().getIngress().get(1).getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .containsExactly(Map.of("app.kubernetes.io/name", "cairn-operator"),
                        Map.of("cairn.dev/metrics-scraper", "true"));
        assertThat(policy.getSpec().getIngress()).allSatisfy(rule -> assertThat(rule.getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getPort()).isEqualTo(new IntOrString(8083))));
    }

    @Test
    void allowsOneVoluntaryDisruptionAtATime() {
        var budget = PodDisruptionBudgetFactory.build(platform, component("user-service"));

        assertThat(budget.getSpec().getMaxUnavailable()).isEqualTo(new IntOrString(1));
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(Labels.selector(platform, component("user-service")));
    }

    @Test
    void generatesAHorizontalPodAutoscalerOnlyForCpuScaling() {
        platform.getSpec().getServices().get(1).setAutoscaling(Platforms.autoscaling(ScalingMetric.RPS, 50, 1, 4));
        var cpu = Platforms.autoscaling(ScalingMetric.CPU, 70, 2, 6);
        cpu.setScaleDownStabilizationSeconds(120);
        platform.getSpec().getServices().get(2).setAutoscaling(cpu);

        List<HasMetadata> desired = DesiredState.of(platform);
        List<HorizontalPodAutoscaler> hpas = desired.stream().filter(HorizontalPodAutoscaler.class::isInstance)
                .map(HorizontalPodAutoscaler.class::cast).toList();

        assertThat(hpas).singleElement().satisfies(hpa -> {
            assertThat(hpa.getMetadata().getName()).isEqualTo("shop-order-service");
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("shop-order-service");
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
            assertThat(hpa.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization())
                    .isEqualTo(70);
            assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(120);
        });
    }

    @Test
    void ownsEveryDesiredObjectAndLabelsItManaged() {
        List<HasMetadata> desired = DesiredState.of(platform);

        assertThat(desired).hasSize(1 + 5 * 4);
        assertThat(desired).allSatisfy(object -> {
            assertThat(OwnerReferences.ownedBy(object, platform)).isTrue();
            assertThat(object.getMetadata().getLabels()).containsAllEntriesOf(Labels.managedBy(platform));
            assertThat(object.getMetadata().getNamespace()).isEqualTo("prod");
        });
    }
}
