package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.testing.Platforms;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpecValidatorTest {

    private final MicroservicePlatform platform = Platforms.cairn("shop", "prod");

    @Test
    void acceptsAValidPlatform() {
        assertThat(SpecValidator.problems(platform)).isEmpty();
    }

    @Test
    void namesTheFieldOfADuplicateServiceAndRoute() {
        platform.getSpec().getServices().add(Platforms.service("order-service", 9000, "/api/v1/orders"));

        assertThat(SpecValidator.problems(platform)).containsExactly(
                "spec.services[4].name: 'order-service' is used by another service",
                "spec.services[4].routePrefix: '/api/v1/orders' is routed to another service");
    }

    @Test
    void refusesAutoscalingWithoutTargetOrWithInvertedBounds() {
        var scaling = Platforms.autoscaling(ScalingMetric.RPS, 10, 5, 2);
        scaling.setTarget(null);
        platform.getSpec().getGateway().setAutoscaling(scaling);

        assertThat(SpecValidator.problems(platform)).containsExactly(
                "spec.gateway.autoscaling.target: required (> 0) when autoscaling is enabled",
                "spec.gateway.autoscaling: minReplicas 5 exceeds maxReplicas 2");
    }

    @Test
    void refusesNamesThatWouldNotFitAKubernetesObjectName() {
        platform.getMetadata().setName("a-rather-long-platform-name-for-a-shop");
        platform.getSpec().getServices().get(0).setName("a-long-service-name-for-users");

        assertThat(SpecValidator.problems(platform)).singleElement().asString()
                .startsWith("spec.services[0].name: 'a-rather-long-platform-name-for-a-shop-a-long-service-name-for-users'")
                .contains("over the 63 Kubernetes allows");
    }

    @Test
    void reservesTheGatewaysName() {
        platform.getSpec().getServices().get(0).setName("gateway");

        assertThat(SpecValidator.problems(platform)).contains("spec.services[0].name: 'gateway' is reserved for the gateway");
    }
}
