package dev.cairn.operator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.model.Labels;
import dev.cairn.operator.model.OwnerReferences;
import dev.cairn.operator.runtime.OperatorMetrics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the cluster match the desired objects: server-side apply (field manager {@value #FIELD_MANAGER}, conflicts
 * forced) of what differs, nothing for what already matches, and deletion of managed objects the spec no longer
 * names. An object matches when its applied-hash annotation equals the desired object's hash (so removed fields
 * are noticed) and every desired field has its value in the live object (so manual edits are undone).
 */
public final class ResourceApplier {

    public static final String FIELD_MANAGER = "cairn-operator";
    public static final String HASH_ANNOTATION = "cairn.dev/applied-hash";

    /** The kinds the reconciler owns and prunes. The auth key Secret is deliberately not among them. */
    static final List<Class<? extends HasMetadata>> MANAGED_KINDS = List.of(ConfigMap.class, Deployment.class,
            Service.class, PodDisruptionBudget.class, NetworkPolicy.class, HorizontalPodAutoscaler.class);

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;
    private final OperatorMetrics metrics;

    public ResourceApplier(KubernetesClient client, OperatorMetrics metrics) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
        this.metrics = metrics;
    }

    public ApplyResult apply(MicroservicePlatform platform, List<HasMetadata> desired) {
        String namespace = platform.getMetadata().getNamespace();
        Map<String, HasMetadata> live = live(platform);
        ApplyResult result = ApplyResult.empty();
        Set<String> wanted = new HashSet<>();
        int unchanged = 0;
        for (HasMetadata object : desired) {
            String id = id(object);
            wanted.add(id);
            String hash = hash(object);
            object.getMetadata().setAnnotations(withHash(object.getMetadata().getAnnotations(), hash));
            HasMetadata current = live.get(id);
            if (current != null && matches(current, object, hash)) {
                unchanged++;
                continue;
            }
            client.resource(object).inNamespace(namespace).fieldManager(FIELD_MANAGER).forceConflicts()
                    .serverSideApply();
            (current == null ? result.created() : result.updated()).add(id);
            metrics.applied(object.getKind(), current == null ? "created" : "updated");
        }
        for (Map.Entry<String, HasMetadata> entry : live.entrySet()) {
            HasMetadata object = entry.getValue();
            if (!wanted.contains(entry.getKey()) && OwnerReferences.ownedBy(object, platform)) {
                client.resource(object).inNamespace(namespace).delete();
                result.pruned().add(entry.getKey());
                metrics.applied(object.getKind(), "pruned");
            }
        }
        return result.withUnchanged(unchanged);
    }

    /** The platform's managed objects on the server, by {@code Kind/name}. */
    Map<String, HasMetadata> live(MicroservicePlatform platform) {
        Map<String, HasMetadata> live = new HashMap<>();
        for (Class<? extends HasMetadata> kind : MANAGED_KINDS) {
            for (HasMetadata object : client.resources(kind).inNamespace(platform.getMetadata().getNamespace())
                    .withLabels(Labels.managedBy(platform)).list().getItems()) {
                live.put(id(object), object);
            }
        }
        return live;
    }

    private boolean matches(HasMetadata live, HasMetadata desired, String hash) {
        Map<String, String> annotations = live.getMetadata().getAnnotations();
        if (annotations == null || !hash.equals(annotations.get(HASH_ANNOTATION))) {
            return false;
        }
        JsonNode liveTree = serialization.convertValue(live, JsonNode.class);
        JsonNode desiredTree = serialization.convertValue(desired, JsonNode.class);
        return JsonSubset.contains(liveTree, desiredTree);
    }

    String hash(HasMetadata object) {
        ObjectNode tree = serialization.convertValue(object, ObjectNode.class);
        JsonNode annotations = tree.path("metadata").path("annotations");
        if (annotations instanceof ObjectNode node) {
            node.remove(HASH_ANNOTATION);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(serialization.asJson(tree).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, String> withHash(Map<String, String> annotations, String hash) {
        Map<String, String> result = annotations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(annotations);
        result.put(HASH_ANNOTATION, hash);
        return result;
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
