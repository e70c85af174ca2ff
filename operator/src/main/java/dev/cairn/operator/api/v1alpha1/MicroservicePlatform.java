package dev.cairn.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Cairn platform: the gateway, the services, how they reach their datastores, how they scale. The operator
 * turns one of these into Deployments, Services, PodDisruptionBudgets, NetworkPolicies, the gateway's route table
 * and (for CPU-based scaling) HorizontalPodAutoscalers, and reports progress in {@code status}.
 */
@Group(MicroservicePlatform.GROUP)
@Version(MicroservicePlatform.VERSION)
@Kind("MicroservicePlatform")
@Plural("microserviceplatforms")
@Singular("microserviceplatform")
@ShortNames("msp")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
public class MicroservicePlatform extends CustomResource<MicroservicePlatformSpec, MicroservicePlatformStatus>
        implements Namespaced {

    public static final String GROUP = "platform.cairn.dev";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "MicroservicePlatform";

    @Override
    protected MicroservicePlatformSpec initSpec() {
        return new MicroservicePlatformSpec();
    }

    /** No status until the operator writes one, so a new resource does not carry an empty one. */
    @Override
    protected MicroservicePlatformStatus initStatus() {
        return null;
    }
}
