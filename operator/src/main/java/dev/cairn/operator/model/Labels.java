package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;

import java.util.LinkedHashMap;
import java.util.Map;

/** The app.kubernetes.io labels of everything the operator creates, and the selectors built from them. */
public final class Labels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String VERSION = "app.kubernetes.io/version";
    public static final String PART_OF_VALUE = "cairn";
    public static final String MANAGED_BY_VALUE = "cairn-operator";

    private Labels() {
    }

    /** Labels of a component's objects and pods. */
    public static Map<String, String> of(MicroservicePlatform platform, Component component) {
        Map<String, String> labels = new LinkedHashMap<>(selector(platform, component));
        labels.put(COMPONENT, component.kind().label());
        labels.put(PART_OF, PART_OF_VALUE);
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        labels.put(VERSION, platform.getSpec().getVersion());
        return labels;
    }

    /** Labels of platform-wide objects (the route table ConfigMap, the auth key Secret). */
    public static Map<String, String> ofPlatform(MicroservicePlatform platform) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INSTANCE, platform.getMetadata().getName());
        labels.put(PART_OF, PART_OF_VALUE);
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        return labels;
    }

    /** Selects a component's pods; never changes for the life of the Deployment (selectors are immutable). */
    public static Map<String, String> selector(MicroservicePlatform platform, Component component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, component.name());
        labels.put(INSTANCE, platform.getMetadata().getName());
        return labels;
    }

    /** Selects every object the operator manages for a platform (used to find what to prune). */
    public static Map<String, String> managedBy(MicroservicePlatform platform) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INSTANCE, platform.getMetadata().getName());
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        return labels;
    }

    /** Selects every pod of a platform: the gateway and the services may call each other. */
    public static Map<String, String> platformPods(MicroservicePlatform platform) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INSTANCE, platform.getMetadata().getName());
        labels.put(PART_OF, PART_OF_VALUE);
        return labels;
    }
}
