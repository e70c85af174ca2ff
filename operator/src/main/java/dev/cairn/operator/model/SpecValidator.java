package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.AutoscalingSpec;
import dev.cairn.operator.api.v1alpha1.DatastoreRef;
import dev.cairn.operator.api.v1alpha1.DatastoresSpec;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ServiceSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks what the CRD schema cannot (or what an API server without CEL rules would let through), so a bad spec
 * ends as a Degraded condition naming the field instead of a half-applied platform.
 */
public final class SpecValidator {

    /** Longest object name: a Service name is a DNS label. */
    static final int MAX_OBJECT_NAME = 63;

    private SpecValidator() {
    }

    /** Problems, each starting with the field path; empty when the spec is fine. */
    public static List<String> problems(MicroservicePlatform platform) {
        List<String> problems = new ArrayList<>();
        var spec = platform.getSpec();
        if (spec == null) {
            return List.of("spec: required");
        }
        if (spec.getVersion() == null || spec.getVersion().isBlank()) {
            problems.add("spec.version: required");
        }
        List<ServiceSpec> services = spec.getServices() == null ? List.of() : spec.getServices();
        if (services.isEmpty()) {
            problems.add("spec.services: at least one service is required");
        }
        Set<String> names = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceSpec service = services.get(i);
            String at = "spec.services[" + i + "]";
            if (service.getName() == null || service.getName().isBlank()) {
                problems.add(at + ".name: required");
                continue;
            }
            if (Components.GATEWAY.equals(service.getName()) || "gateway-routes".equals(service.getName())) {
                problems.add(at + ".name: '" + service.getName() + "' is reserved for the gateway");
            }
            if (!names.add(service.getName())) {
                problems.add(at + ".name: '" + service.getName() + "' is used by another service");
            }
            int length = platform.getMetadata().getName().length() + 1 + service.getName().length();
            if (length > MAX_OBJECT_NAME) {
                problems.add(at + ".name: '" + platform.getMetadata().getName() + "-" + service.getName()
                        + "' would be " + length + " characters, over the 63 Kubernetes allows; use a shorter name");
            }
            if (service.getPort() == null || service.getPort() < 1 || service.getPort() > 65535) {
                problems.add(at + ".port: required, 1..65535");
            }
            if (service.getRoutePrefix() != null && !service.getRoutePrefix().isBlank()
                    && !prefixes.add(service.getRoutePrefix())) {
                problems.add(at + ".routePrefix: '" + service.getRoutePrefix() + "' is routed to another service");
            }
            autoscaling(at + ".autoscaling", service.getAutoscaling(), problems);
        }
        if (spec.getGateway() != null) {
            autoscaling("spec.gateway.autoscaling", spec.getGateway().getAutoscaling(), problems);
        }
        datastores(spec.getDatastores(), problems);
        return problems;
    }

    private static void autoscaling(String at, AutoscalingSpec scaling, List<String> problems) {
        if (scaling == null || !Boolean.TRUE.equals(scaling.getEnabled())) {
            return;
        }
        if (scaling.getTarget() == null || scaling.getTarget() <= 0) {
            problems.add(at + ".target: required (> 0) when autoscaling is enabled");
        }
        if (scaling.getMinReplicas() != null && scaling.getMaxReplicas() != null
                && scaling.getMinReplicas() > scaling.getMaxReplicas()) {
            problems.add(at + ": minReplicas " + scaling.getMinReplicas() + " exceeds maxReplicas "
                    + scaling.getMaxReplicas());
        }
    }

    private static void datastores(DatastoresSpec stores, List<String> problems) {
        if (stores == null) {
            return;
        }
        datastore("spec.datastores.postgres", stores.getPostgres(), problems);
        datastore("spec.datastores.mongo", stores.getMongo(), problems);
        datastore("spec.datastores.redis", stores.getRedis(), problems);
        datastore("spec.datastores.rabbitmq", stores.getRabbitmq(), problems);
        datastore("spec.datastores.kafka", stores.getKafka(), problems);
    }

    private static void datastore(String at, DatastoreRef ref, List<String> problems) {
        if (ref == null) {
            return;
        }
        boolean hasUrl = ref.getUrl() != null && !ref.getUrl().isBlank();
        if (hasUrl && ref.getSecretRef() != null) {
            problems.add(at + ": set either url or secretRef, not both");
        }
        if (ref.getSecretRef() != null && (ref.getSecretRef().getName() == null
                || ref.getSecretRef().getName().isBlank())) {
            problems.add(at + ".secretRef.name: required");
        }
    }
}
