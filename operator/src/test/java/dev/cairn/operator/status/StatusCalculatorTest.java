package dev.cairn.operator.status;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.Phase;
import dev.cairn.operator.api.v1alpha1.PlatformCondition;
import dev.cairn.operator.autoscaler.ScalingActivity;
import dev.cairn.operator.model.Components;
import dev.cairn.operator.model.DeploymentFactory;
import dev.cairn.operator.status.StatusCalculator.Failure;
import dev.cairn.operator.testing.Platforms;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCalculatorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final MicroservicePlatform platform = Platforms.cairn("shop", "prod");
    private final ScalingActivity activity = new ScalingActivity();

    private Map<String, Deployment> deployments(int ready) {
        Map<String, Deployment> deployments = new HashMap<>();
        Components.of(platform).forEach(component -> {
            Deployment deployment = DeploymentFactory.build(platform, component);
            deployment.getMetadata().setGeneration(1L);
            deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(1L).withReadyReplicas(ready)
                    .withUpdatedReplicas(ready).withReplicas(ready).build());
            deployments.put(deployment.getMetadata().getName(), deployment);
        });
        return deployments;
    }

    @Test
    void isPendingUntilADeploymentReports() {
        var status = StatusCalculator.compute(platform, Map.of(), activity, Optional.empty(), T0);

        assertThat(status.getPhase()).isEqualTo(Phase.Pending);
        assertThat(status.condition("Ready").orElseThrow().getStatus()).isEqualTo("False");
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void isReadyWhenEveryComponentHasItsReplicasReady() {
        var status = StatusCalculator.compute(platform, deployments(1), activity, Optional.empty(), T0);

        assertThat(status.getPhase()).isEqualTo(Phase.Ready);
        assertThat(status.condition("Ready").orElseThrow().getReason()).isEqualTo("AllComponentsReady");
        assertThat(status.condition("Progressing").orElseThrow().getStatus()).isEqualTo("False");
        assertThat(status.condition("Degraded").orElseThrow().getStatus()).isEqualTo("False");
        assertThat(status.condition("ScalingActive").orElseThrow().getReason()).isEqualTo("AutoscalingDisabled");
        assertThat(status.getComponents()).hasSize(5).allSatisfy(c -> {
            assertThat(c.getDesiredReplicas()).isEqualTo(1);
            assertThat(c.getReadyReplicas()).isEqualTo(1);
        });
    }

    @Test
    void movesLastTransitionTimeOnlyWhenAConditionFlips() {
        var progressing = StatusCalculator.compute(platform, deployments(0), activity, Optional.empty(), T0);
        assertThat(progressing.getPhase()).isEqualTo(Phase.Progressing);
        platform.setStatus(progressing);

        var stillProgressing = StatusCalculator.compute(platform, deployments(0), activity, Optional.empty(),
                T0.plusSeconds(30));
        assertThat(stillProgressing).isEqualTo(progressing);

        platform.setStatus(stillProgressing);
        var ready = StatusCalculator.compute(platform, deployments(1), activity, Optional.empty(),
                T0.plusSeconds(60));
        PlatformCondition readyCondition = ready.condition("Ready").orElseThrow();
        assertThat(readyCondition.getLastTransitionTime()).isEqualTo("2026-01-01T10:01:00Z");
        assertThat(ready.condition("Degraded").orElseThrow().getLastTransitionTime())
                .as("Degraded stayed False").isEqualTo("2026-01-01T10:00:00Z");
    }

    @Test
    void isDegradedWithTheFailuresReasonAndMessage() {
        var status = StatusCalculator.compute(platform, deployments(1), activity,
                Optional.of(new Failure("InvalidSpec", "spec.services[1].name: 'x' is used by another service")), T0);

        assertThat(status.getPhase()).isEqualTo(Phase.Degraded);
        assertThat(status.condition("Degraded").orElseThrow()).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("InvalidSpec");
            assertThat(c.getMessage()).contains("spec.services[1].name");
        });
        assertThat(status.condition("Ready").orElseThrow().getStatus()).isEqualTo("False");
    }
}
