package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.AutoscalingSpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

import java.util.List;
import java.util.Optional;

/**
 * The gateway or one service, as the builders see it: the spec's values with defaults resolved.
 *
 * @param name         component name: {@code gateway} or the service's name
 * @param kind         gateway or service
 * @param objectName   name of its Deployment, Service, PDB and NetworkPolicy: {@code <platform>-<name>}
 * @param image        container image
 * @param port         the port it serves API, health and metrics on
 * @param replicas     replicas when not autoscaled
 * @param resources    requests and limits
 * @param extraEnv     environment variables from the spec (they win over generated ones)
 * @param autoscaling  autoscaling, when set
 * @param routePrefix  the gateway route to it, for services that have one
 */
public record Component(String name, Kind kind, String objectName, String image, int port, int replicas,
                        ResourceRequirements resources, List<EnvVar> extraEnv, AutoscalingSpec autoscaling,
                        Optional<String> routePrefix) {

    /** Gateway or service. */
    public enum Kind {
        GATEWAY("gateway"),
        SERVICE("service");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Value of the app.kubernetes.io/component label. */
        public String label() {
            return label;
        }
    }

    /** Whether something other than the spec's replicas decides the replicas (the operator or an HPA). */
    public boolean autoscaled() {
        return autoscaling != null && Boolean.TRUE.equals(autoscaling.getEnabled());
    }

    /** Whether the operator's own autoscaler decides the replicas. */
    public boolean scaledByOperator() {
        return autoscaling != null && autoscaling.scaledByOperator();
    }

    /** Whether a generated HorizontalPodAutoscaler decides the replicas. */
    public boolean scaledByHpa() {
        return autoscaling != null && autoscaling.scaledByHpa();
    }

    public boolean isGateway() {
        return kind == Kind.GATEWAY;
    }
}
