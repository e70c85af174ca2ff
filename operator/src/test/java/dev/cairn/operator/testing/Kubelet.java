package dev.cairn.operator.testing;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Objects;

/** Stands in for the Deployment controller and kubelets: reports every Deployment as rolled out and ready. */
public final class Kubelet {

    private Kubelet() {
    }

    public static void rollOutAll(KubernetesClient client, String namespace) {
        for (Deployment deployment : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            rollOut(client, deployment, Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1));
        }
    }

    public static void rollOut(KubernetesClient client, Deployment deployment, int ready) {
        int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        Deployment patch = new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                .withNewMetadata().withName(deployment.getMetadata().getName())
                .withNamespace(deployment.getMetadata().getNamespace()).endMetadata()
                .withStatus(new DeploymentStatusBuilder()
                        .withObservedGeneration(Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 1L))
                        .withReplicas(replicas)
                        .withUpdatedReplicas(replicas)
                        .withReadyReplicas(ready)
                        .withAvailableReplicas(ready)
                        .build())
                .build();
        client.resource(patch).patchStatus();
    }
}
