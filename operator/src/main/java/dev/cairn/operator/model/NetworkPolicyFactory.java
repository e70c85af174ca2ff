package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

import java.util.List;
import java.util.Map;

/**
 * Ingress rules: anyone may reach the gateway's port; a service only from the platform's own pods (the gateway and
 * the other services) and from metric scrapers (the operator, and pods labelled {@value #SCRAPER_LABEL}=true).
 */
public final class NetworkPolicyFactory {

    public static final String SCRAPER_LABEL = "cairn.dev/metrics-scraper";

    private NetworkPolicyFactory() {
    }

    public static NetworkPolicy build(MicroservicePlatform platform, Component component) {
        List<NetworkPolicyIngressRule> rules = component.isGateway()
                ? List.of(portOnly(component))
                : List.of(fromPlatform(platform, component), fromScrapers(component));
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                    .withName(component.objectName())
                    .withNamespace(platform.getMetadata().getNamespace())
                    .withLabels(Labels.of(platform, component))
                    .withOwnerReferences(OwnerReferences.controller(platform))
                .endMetadata()
                .withNewSpec()
                    .withNewPodSelector().withMatchLabels(Labels.selector(platform, component)).endPodSelector()
                    .withPolicyTypes("Ingress")
                    .withIngress(rules)
                .endSpec()
                .build();
    }

    private static NetworkPolicyIngressRule portOnly(Component component) {
        return new NetworkPolicyIngressRuleBuilder()
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(component.port())).endPort()
                .build();
    }

    private static NetworkPolicyIngressRule fromPlatform(MicroservicePlatform platform, Component component) {
        return new NetworkPolicyIngressRuleBuilder()
                .addToFrom(new NetworkPolicyPeerBuilder().withPodSelector(selector(Labels.platformPods(platform)))
                        .build())
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(component.port())).endPort()
                .build();
    }

    private static NetworkPolicyIngressRule fromScrapers(Component component) {
        LabelSelector anyNamespace = new LabelSelector();
        return new NetworkPolicyIngressRuleBuilder()
                .addToFrom(new NetworkPolicyPeerBuilder().withNamespaceSelector(anyNamespace)
                        .withPodSelector(selector(Map.of(Labels.NAME, Labels.MANAGED_BY_VALUE))).build())
                .addToFrom(new NetworkPolicyPeerBuilder().withNamespaceSelector(anyNamespace)
                        .withPodSelector(selector(Map.of(SCRAPER_LABEL, "true"))).build())
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(component.port())).endPort()
                .build();
    }

    private static LabelSelector selector(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(labels).build();
    }
}
