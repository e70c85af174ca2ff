package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.testing.Platforms;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeploymentFactoryTest {

    private final MicroservicePlatform platform = Platforms.cairn("shop", "prod");

    private Deployment deploymentOf(String component) {
        return DeploymentFactory.build(platform, Components.named(platform, component).orElseThrow());
    }

    @Test
    void namesAndLabelsTheDeploymentAfterPlatformAndComponent() {
        Deployment deployment = deploymentOf("order-service");

        assertThat(deployment.getMetadata().getName()).isEqualTo("shop-order-service");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("prod");
        assertThat(deployment.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "app.kubernetes.io/name", "order-service",
                "app.kubernetes.io/instance", "shop",
                "app.kubernetes.io/component", "service",
                "app.kubernetes.io/part-of", "cairn",
                "app.kubernetes.io/managed-by", "cairn-operator",
                "app.kubernetes.io/version", "1.2.3"));
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "app.kubernetes.io/name", "order-service", "app.kubernetes.io/instance", "shop"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void isControlledByThePlatform() {
        OwnerReference owner = deploymentOf("gateway").getMetadata().getOwnerReferences().get(0);

        assertThat(owner.getApiVersion()).isEqualTo("platform.cairn.dev/v1alpha1");
        assertThat(owner.getKind()).isEqualTo("MicroservicePlatform");
        assertThat(owner.getName()).isEqualTo("shop");
        assertThat(owner.getUid()).isEqualTo(platform.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();
        assertThat(owner.getBlockOwnerDeletion()).isTrue();
    }

    @Test
    void probesHealthEndpointsOnTheNamedHttpPort() {
        Container container = deploymentOf("product-service").getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8083);
        });
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(container.getLivenessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("http"));
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
                .as("seconds a JVM service gets to start").isGreaterThanOrEqualTo(60);
    }

    @Test
    void runsAsNonRootWithReadOnlyRootAndNoCapabilities() {
        var pod = deploymentOf("user-service").getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    }

    @Test
    void defaultsResourcesAndImageFromRegistryAndVersion() {
        Container container = deploymentOf("analytics-service").getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getImage()).isEqualTo("ghcr.io/cairn-dev/cairn-analytics-service:1.2.3");
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("100m"))
                .containsEntry("memory", new Quantity("384Mi"));
        assertThat(container.getResources().getLimits()).containsEntry("memory", new Quantity("768Mi"));
    }

    @Test
    void annotatesPodsForPrometheusScraping() {
        assertThat(deploymentOf("order-service").getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8082")
                .containsEntry("prometheus.io/path", "/metrics");
    }

    @Test
    void rollsOutWithoutTakingReadyPodsAway() {
        var strategy = deploymentOf("order-service").getSpec().getStrategy();

        assertThat(strategy.getType()).isEqualTo("RollingUpdate");
        assertThat(strategy.getRollingUpdate().getMaxUnavailable()).isEqualTo(new IntOrString(0));
        assertThat(strategy.getRollingUpdate().getMaxSurge()).isEqualTo(new IntOrString("25%"));
    }

    @Test
    void writesReplicasOnlyWhenNothingElseScales() {
        platform.getSpec().getServices().get(0).setReplicas(3);
        platform.getSpec().getServices().get(1).setAutoscaling(Platforms.autoscaling(ScalingMetric.RPS, 50, 1, 4));
        platform.getSpec().getServices().get(2).setAutoscaling(Platforms.autoscaling(ScalingMetric.CPU, 70, 2, 6));

        assertThat(deploymentOf("user-service").getSpec().getReplicas()).isEqualTo(3);
        assertThat(deploymentOf("product-service").getSpec().getReplicas()).isNull();
        assertThat(deploymentOf("order-service").getSpec().getReplicas()).isNull();
    }

    @Test
    void mountsTheRouteTableIntoTheGatewayOnly() {
        var gateway = deploymentOf("gateway").getSpec().getTemplate().getSpec();
        var service = deploymentOf("user-service").getSpec().getTemplate().getSpec();

        assertThat(gateway.getVolumes()).extracting(volume -> volume.getConfigMap() == null ? null
                : volume.getConfigMap().getName()).contains("shop-gateway-routes");
        assertThat(gateway.getContainers().get(0).getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/etc/cairn/gateway");
            assertThat(mount.getReadOnly()).isTrue();
        });
        assertThat(service.getVolumes()).extracting(io.fabric8.kubernetes.api.model.Volume::getConfigMap).containsOnlyNulls();
    }
}
