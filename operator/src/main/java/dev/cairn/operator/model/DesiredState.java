package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;

/** Everything a platform should consist of, computed from its spec alone (no API calls). */
public final class DesiredState {

    private DesiredState() {
    }

    /** The route table ConfigMap, then per component: Deployment, Service, PDB, NetworkPolicy and maybe an HPA. */
    public static List<HasMetadata> of(MicroservicePlatform platform) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(GatewayRoutesFactory.build(platform));
        for (Component component : Components.of(platform)) {
            objects.add(DeploymentFactory.build(platform, component));
            objects.add(ServiceFactory.build(platform, component));
            objects.add(PodDisruptionBudgetFactory.build(platform, component));
            objects.add(NetworkPolicyFactory.build(platform, component));
            if (component.scaledByHpa()) {
                objects.add(HorizontalPodAutoscalerFactory.build(platform, component));
            }
        }
        return objects;
    }
}
