package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.GatewayServiceType;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

import java.util.Objects;

/**
 * A component's Service. Services are headless so the gateway's pools (dns: true) see every pod and balance and
 * health-check them one by one; the gateway's Service has a cluster IP and the type the spec asks for.
 */
public final class ServiceFactory {

    private ServiceFactory() {
    }

    public static Service build(MicroservicePlatform platform, Component component) {
        ServiceBuilder builder = new ServiceBuilder()
                .withNewMetadata()
                    .withName(component.objectName())
                    .withNamespace(platform.getMetadata().getNamespace())
                    .withLabels(Labels.of(platform, component))
                    .withOwnerReferences(OwnerReferences.controller(platform))
                .endMetadata()
                .withNewSpec()
                    .withSelector(Labels.selector(platform, component))
                    .addNewPort()
                        .withName(DeploymentFactory.HTTP_PORT_NAME)
                        .withPort(component.port())
                        .withTargetPort(new IntOrString(DeploymentFactory.HTTP_PORT_NAME))
                        .withProtocol("TCP")
                    .endPort()
                .endSpec();
        if (component.isGateway()) {
            GatewayServiceType type = platform.getSpec().getGateway() == null ? GatewayServiceType.CLUSTER_IP
                    : Objects.requireNonNullElse(platform.getSpec().getGateway().getServiceType(),
                            GatewayServiceType.CLUSTER_IP);
            builder.editSpec().withType(type.value()).endSpec();
        } else {
            builder.editSpec().withType("ClusterIP").withClusterIP("None").endSpec();
        }
        return builder.build();
    }
}
