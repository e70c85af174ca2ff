package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.AutoscalingSpec;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;

/** For {@code metric: cpu}: an autoscaling/v2 HorizontalPodAutoscaler with the spec's bounds and windows. */
public final class HorizontalPodAutoscalerFactory {

    private HorizontalPodAutoscalerFactory() {
    }

    public static HorizontalPodAutoscaler build(MicroservicePlatform platform, Component component) {
        AutoscalingSpec scaling = component.autoscaling();
        return new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                    .withName(component.objectName())
                    .withNamespace(platform.getMetadata().getNamespace())
                    .withLabels(Labels.of(platform, component))
                    .withOwnerReferences(OwnerReferences.controller(platform))
                .endMetadata()
                .withNewSpec()
                    .withNewScaleTargetRef()
                        .withApiVersion("apps/v1").withKind("Deployment").withName(component.objectName())
                    .endScaleTargetRef()
                    .withMinReplicas(scaling.getMinReplicas())
                    .withMaxReplicas(scaling.getMaxReplicas())
                    .addNewMetric()
                        .withType("Resource")
                        .withNewResource()
                            .withName("cpu")
                            .withNewTarget().withType("Utilization")
                                .withAverageUtilization((int) Math.round(scaling.getTarget())).endTarget()
                        .endResource()
                    .endMetric()
                    .withNewBehavior()
                        .withNewScaleUp()
                            .withStabilizationWindowSeconds(scaling.getScaleUpStabilizationSeconds())
                            .addNewPolicy().withType("Pods").withValue(scaling.getMaxScaleStep())
                                .withPeriodSeconds(15).endPolicy()
                        .endScaleUp()
                        .withNewScaleDown()
                            .withStabilizationWindowSeconds(scaling.getScaleDownStabilizationSeconds())
                            .addNewPolicy().withType("Pods").withValue(scaling.getMaxScaleStep())
                                .withPeriodSeconds(15).endPolicy()
                        .endScaleDown()
                    .endBehavior()
                .endSpec()
                .build();
    }
}
