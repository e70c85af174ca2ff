package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.AuthSpec;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.SecretKeyRef;

/** Names of the objects the operator creates for a platform. */
public final class ObjectNames {

    private ObjectNames() {
    }

    /** Deployment, Service, PodDisruptionBudget, NetworkPolicy and HPA of a component. */
    public static String component(MicroservicePlatform platform, String componentName) {
        return platform.getMetadata().getName() + "-" + componentName;
    }

    /** The gateway's route table ConfigMap. */
    public static String gatewayRoutes(MicroservicePlatform platform) {
        return platform.getMetadata().getName() + "-gateway-routes";
    }

    /** The Secret holding the token signing key. */
    public static String authKeySecret(MicroservicePlatform platform) {
        SecretKeyRef ref = platform.getSpec().getAuth() == null ? null : platform.getSpec().getAuth().getKeySecretRef();
        return ref != null && ref.getName() != null && !ref.getName().isBlank() ? ref.getName()
                : platform.getMetadata().getName() + "-auth-key";
    }

    /** The key of the signing key in {@link #authKeySecret}. */
    public static String authKeySecretKey(MicroservicePlatform platform) {
        SecretKeyRef ref = platform.getSpec().getAuth() == null ? null : platform.getSpec().getAuth().getKeySecretRef();
        return ref != null && ref.getKey() != null && !ref.getKey().isBlank() ? ref.getKey() : AuthSpec.DEFAULT_KEY;
    }
}
