package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the gateway is exposed: the type of its Kubernetes Service. */
public enum GatewayServiceType {
    @JsonProperty("ClusterIP")
    CLUSTER_IP("ClusterIP"),
    @JsonProperty("NodePort")
    NODE_PORT("NodePort"),
    @JsonProperty("LoadBalancer")
    LOAD_BALANCER("LoadBalancer");

    private final String value;

    GatewayServiceType(String value) {
        this.value = value;
    }

    /** The Kubernetes name of the type. */
    public String value() {
        return value;
    }
}
