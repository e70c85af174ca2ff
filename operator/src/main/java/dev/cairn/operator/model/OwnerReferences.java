package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** The controller reference every owned object carries, so deleting the platform garbage-collects them. */
public final class OwnerReferences {

    private OwnerReferences() {
    }

    public static OwnerReference controller(MicroservicePlatform platform) {
        return new OwnerReferenceBuilder()
                .withApiVersion(MicroservicePlatform.API_VERSION)
                .withKind(MicroservicePlatform.KIND)
                .withName(platform.getMetadata().getName())
                .withUid(platform.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** Whether the object is controlled by this platform (same uid). */
    public static boolean ownedBy(HasMetadata object, MicroservicePlatform platform) {
        return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
                .anyMatch(ref -> MicroservicePlatform.KIND.equals(ref.getKind())
                        && platform.getMetadata().getUid() != null
                        && platform.getMetadata().getUid().equals(ref.getUid()));
    }
}
