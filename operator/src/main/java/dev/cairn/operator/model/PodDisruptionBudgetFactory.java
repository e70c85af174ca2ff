package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;

/** Voluntary disruptions (node drains) take at most one pod of a component at a time. */
public final class PodDisruptionBudgetFactory {

    private PodDisruptionBudgetFactory() {
    }

    public static PodDisruptionBudget build(MicroservicePlatform platform, Component component) {
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata()
                    .withName(component.objectName())
                    .withNamespace(platform.getMetadata().getNamespace())
                    .withLabels(Labels.of(platform, component))
                    .withOwnerReferences(OwnerReferences.controller(platform))
                .endMetadata()
                .withNewSpec()
                    .withMaxUnavailable(new IntOrString(1))
                    .withNewSelector().withMatchLabels(Labels.selector(platform, component)).endSelector()
                .endSpec()
                .build();
    }
}
