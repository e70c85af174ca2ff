package dev.cairn.operator.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Map;

/** Pods in the mock API server that point at local stub processes (the kubelet never runs anything there). */
public final class Pods {

    private Pods() {
    }

    /** A running, ready pod with the given labels whose /metrics is the stub's. */
    public static Pod runningAt(KubernetesClient client, String namespace, String name, Map<String, String> labels,
                                StubService stub) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(labels)
                    .addToAnnotations("prometheus.io/port", String.valueOf(stub.port()))
                    .addToAnnotations("prometheus.io/path", "/metrics")
                .endMetadata()
                .withNewSpec().addNewContainer().withName("stub").withImage("stub").endContainer().endSpec()
                .withNewStatus()
                    .withPhase("Running")
                    .withPodIP("127.0.0.1")
                    .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus()
                .build();
        return client.resource(pod).create();
    }
}
