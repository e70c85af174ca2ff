package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.GatewaySpec;
import dev.cairn.operator.api.v1alpha1.LoadBalancing;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.RateLimitSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's route table (docs/GATEWAY.md, "The route table") from {@code spec.services[].routePrefix}: one pool
 * per routed service resolving its headless Service to every pod, one route per prefix, the spec's rate limit as the
 * default class. The gateway re-reads the mounted file within seconds, so a change needs no restart.
 */
public final class GatewayRoutesFactory {

    private static final KubernetesSerialization YAML = new KubernetesSerialization();

    private GatewayRoutesFactory() {
    }

    public static ConfigMap build(MicroservicePlatform platform) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(ObjectNames.gatewayRoutes(platform))
                    .withNamespace(platform.getMetadata().getNamespace())
                    .withLabels(Labels.of(platform, Components.gateway(platform)))
                    .withOwnerReferences(OwnerReferences.controller(platform))
                .endMetadata()
                .addToData(EnvironmentFactory.ROUTES_FILE, routeTable(platform))
                .build();
    }

    /** The route table as YAML. */
    public static String routeTable(MicroservicePlatform platform) {
        GatewaySpec gateway = Objects.requireNonNullElseGet(platform.getSpec().getGateway(), GatewaySpec::new);
        RateLimitSpec rateLimit = Objects.requireNonNullElseGet(gateway.getRateLimit(), RateLimitSpec::new);
        String strategy = Objects.requireNonNullElse(gateway.getLoadBalancing(), LoadBalancing.ROUND_ROBIN).value();

        Map<String, Object> table = new LinkedHashMap<>();
        table.put("corsOrigins", Objects.requireNonNullElse(gateway.getCorsOrigins(), List.of()));
        Map<String, Object> defaultClass = new LinkedHashMap<>();
        defaultClass.put("requestsPerSecond", rateLimit.getRequestsPerSecond());
        defaultClass.put("burst", rateLimit.getBurst());
        table.put("rateLimits", Map.of("default", defaultClass));

        Map<String, Object> pools = new LinkedHashMap<>();
        List<Object> routes = new ArrayList<>();
        for (Component service : Components.of(platform)) {
            if (service.isGateway() || service.routePrefix().isEmpty()) {
                continue;
            }
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("strategy", strategy);
            pool.put("dns", true);
            pool.put("healthPath", DeploymentFactory.READINESS_PATH);
            pool.put("instances", List.of("http://" + service.objectName() + ":" + service.port()));
            pools.put(service.name(), pool);
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("prefix", service.routePrefix().get());
            route.put("pool", service.name());
            route.put("rateLimit", "default");
            routes.add(route);
        }
        table.put("pools", pools);
        table.put("routes", routes);
        return YAML.asYaml(table);
    }
}
