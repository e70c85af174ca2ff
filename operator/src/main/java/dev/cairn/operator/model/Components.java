package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.GatewaySpec;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatformSpec;
import dev.cairn.operator.api.v1alpha1.ServiceSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Resolves a platform's spec into its components, gateway first, with defaults filled in. */
public final class Components {

    public static final String GATEWAY = "gateway";
    public static final String DEFAULT_REGISTRY = "ghcr.io/cairn-dev";

    private Components() {
    }

    /** The gateway followed by the services in spec order. */
    public static List<Component> of(MicroservicePlatform platform) {
        MicroservicePlatformSpec spec = platform.getSpec();
        List<Component> components = new ArrayList<>();
        components.add(gateway(platform));
        for (ServiceSpec service : Objects.requireNonNullElse(spec.getServices(), List.<ServiceSpec>of())) {
            components.add(service(platform, service));
        }
        return components;
    }

    /** The component of this name, if the platform has one. */
    public static Optional<Component> named(MicroservicePlatform platform, String name) {
        return of(platform).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static Component gateway(MicroservicePlatform platform) {
        GatewaySpec gateway = Objects.requireNonNullElseGet(platform.getSpec().getGateway(), GatewaySpec::new);
        return new Component(GATEWAY, Component.Kind.GATEWAY, ObjectNames.component(platform, GATEWAY),
                image(platform, GATEWAY, gateway.getImage()), GatewaySpec.PORT,
                Objects.requireNonNullElse(gateway.getReplicas(), 1), resources(gateway.getResources()),
                Objects.requireNonNullElse(gateway.getEnv(), List.<EnvVar>of()), gateway.getAutoscaling(),
                Optional.empty());
    }

    static Component service(MicroservicePlatform platform, ServiceSpec service) {
        return new Component(service.getName(), Component.Kind.SERVICE,
                ObjectNames.component(platform, service.getName()),
                image(platform, service.getName(), service.getImage()), service.getPort(),
                Objects.requireNonNullElse(service.getReplicas(), 1), resources(service.getResources()),
                Objects.requireNonNullElse(service.getEnv(), List.<EnvVar>of()), service.getAutoscaling(),
                Optional.ofNullable(service.getRoutePrefix()).filter(p -> !p.isBlank()));
    }

    static String image(MicroservicePlatform platform, String name, String explicit) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String registry = platform.getSpec().getImageRegistry();
        if (registry == null || registry.isBlank()) {
            registry = DEFAULT_REGISTRY;
        }
        return registry + "/cairn-" + name + ":" + platform.getSpec().getVersion();
    }

    /** The spec's resources, or requests that let a JVM service start and a memory limit that stops a leak. */
    static ResourceRequirements resources(ResourceRequirements explicit) {
        if (explicit != null && (!isEmpty(explicit.getRequests()) || !isEmpty(explicit.getLimits()))) {
            return explicit;
        }
        return new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("100m"))
                .addToRequests("memory", new Quantity("384Mi"))
                .addToLimits("memory", new Quantity("768Mi"))
                .build();
    }

    private static boolean isEmpty(java.util.Map<?, ?> map) {
        return map == null || map.isEmpty();
    }
}
