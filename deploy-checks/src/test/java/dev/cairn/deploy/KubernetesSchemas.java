package dev.cairn.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a Kubernetes resource against the schema of its kind, offline:
 * <ul>
 *   <li>built-in kinds against the models of the official Kubernetes Java client, which openapi-generator derives
 *   from the Kubernetes OpenAPI spec (v1.32); their {@code validateJsonElement} rejects fields the spec does not
 *   define and missing required ones, and Gson then rejects values of the wrong type;</li>
 *   <li>Prometheus Operator kinds against fabric8's models of its CRDs (unknown fields land in
 *   {@code additionalProperties}, which must stay empty);</li>
 *   <li>{@code MicroservicePlatform} against the {@code openAPIV3Schema} of the CRD in {@code crds/}, made strict
 *   (no unknown fields) as kubeconform's -strict does.</li>
 * </ul>
 */
final class KubernetesSchemas {

    private static final Map<String, Class<?>> BUILT_IN = Map.ofEntries(
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Pod", V1Pod.class),
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", V1ClusterRole.class),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", V1ClusterRoleBinding.class),
            Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role.class),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding.class),
            Map.entry("apiextensions.k8s.io/v1/CustomResourceDefinition", V1CustomResourceDefinition.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));

    private static final Map<String, Class<?>> PROMETHEUS_OPERATOR = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class,
            "monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class);

    private static final String PLATFORM_API_GROUP = "platform.cairn.dev";

    private final JSON kubernetesJson = new JSON();
    private final List<JsonNode> customResourceDefinitions;

    /** @param crdDirectory where the CRDs of custom kinds are (crds/) */
    KubernetesSchemas(Path crdDirectory) {
        this.customResourceDefinitions = Crds.files(crdDirectory).stream().map(Yaml::single).toList();
    }

    /** What is wrong with {@code resource} according to the schema of its kind; empty when it is valid. */
    List<String> problems(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String kind = resource.path("kind").asText();
        String key = apiVersion + "/" + kind;
        if (BUILT_IN.containsKey(key)) {
            return builtInProblems(resource, BUILT_IN.get(key));
        }
        if (PROMETHEUS_OPERATOR.containsKey(key)) {
            return unknownFields(resource, PROMETHEUS_OPERATOR.get(key));
        }
        if (apiVersion.startsWith(PLATFORM_API_GROUP + "/")) {
            return customResourceProblems(resource, apiVersion, kind);
        }
        return List.of("no schema known for " + key + " (a typo in apiVersion or kind?)");
    }

    private List<String> builtInProblems(JsonNode resource, Class<?> model) {
        JsonElement element = JsonParser.parseString(resource.toString());
        try {
            Method validate = model.getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, element);
            kubernetesJson.getGson().fromJson(element, model);
            return List.of();
        } catch (InvocationTargetException e) {
            return List.of(e.getCause().getMessage());
        } catch (RuntimeException e) {
            return List.of(e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model + " has no validateJsonElement", e);
        }
    }

    /** fabric8 models keep fields they do not define in additionalProperties: each one found is a problem. */
    private static List<String> unknownFields(JsonNode resource, Class<?> model) {
        Object typed;
        try {
            typed = Yaml.JSON.treeToValue(resource, model);
        } catch (JsonProcessingException e) {
            return List.of(e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        collectUnknownFields(typed, "", problems);
        return problems;
    }

    private static void collectUnknownFields(Object value, String path, List<String> problems) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + index++ + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> collectUnknownFields(v, path + "." + k, problems));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add((path.isEmpty() ? "." : path) + ": fields not in the schema " + extra.keySet());
                }
            } else {
                String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                collectUnknownFields(child, path + "." + field, problems);
            }
        }
    }

    private List<String> customResourceProblems(JsonNode resource, String apiVersion, String kind) {
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        JsonNode crd = customResourceDefinitions.stream()
                .filter(c -> c.path("spec").path("group").asText().equals(group)
                        && c.path("spec").path("names").path("kind").asText().equals(kind))
                .findFirst()
                .orElse(null);
        if (crd == null) {
            return List.of("no CRD in crds/ defines " + kind + " in " + group);
        }
        JsonNode versionSchema = null;
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (served.path("name").asText().equals(version)) {
                versionSchema = served.path("schema").path("openAPIV3Schema");
            }
        }
        if (versionSchema == null || versionSchema.isMissingNode()) {
            return List.of("the CRD of " + kind + " serves no version " + version);
        }
        ObjectNode schema = strict(versionSchema.deepCopy());
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        // The API server itself handles apiVersion, kind and metadata of every custom resource; the schema the rest.
        ObjectNode body = resource.deepCopy();
        body.remove(List.of("apiVersion", "kind", "metadata"));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : validator.validate(body)) {
            problems.add(message.getMessage());
        }
        if (!resource.path("metadata").path("name").isTextual()) {
            problems.add("metadata.name is required");
        }
        return problems;
    }

    /**
     * An openAPIV3Schema as a strict JSON schema: objects with declared properties refuse others (unless the CRD
     * says x-kubernetes-preserve-unknown-fields), int-or-string and nullable become JSON schema, x- keys go.
     */
    static ObjectNode strict(ObjectNode schema) {
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            schema.remove("type");
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        // OpenAPI 3.0 (JSON schema draft 4) writes exclusive bounds as a flag next to minimum/maximum.
        for (String bound : List.of("Minimum", "Maximum")) {
            JsonNode exclusive = schema.get("exclusive" + bound);
            String limit = bound.toLowerCase(Locale.ROOT);
            if (exclusive != null && exclusive.isBoolean()) {
                schema.remove("exclusive" + bound);
                if (exclusive.asBoolean() && schema.has(limit)) {
                    schema.set("exclusive" + bound, schema.remove(limit));
                }
            }
        }
        if (schema.path("nullable").asBoolean(false) && schema.has("type")) {
            ArrayNode types = Yaml.JSON.createArrayNode().add(schema.get("type").asText()).add("null");
            schema.set("type", types);
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("x-kubernetes-") || name.equals("nullable")) {
                names.remove();
            }
        }
        if (schema.has("properties")) {
            schema.get("properties").properties().forEach(e -> strict((ObjectNode) e.getValue()));
            if (!schema.has("additionalProperties") && !preserveUnknown) {
                schema.put("additionalProperties", false);
            }
        }
        if (schema.get("additionalProperties") instanceof ObjectNode additional) {
            strict(additional);
        }
        if (schema.get("items") instanceof ObjectNode items) {
            strict(items);
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(combinator) instanceof ArrayNode options) {
                options.forEach(option -> {
                    if (option instanceof ObjectNode object) {
                        strict(object);
                    }
                });
            }
        }
        return schema;
    }
}
