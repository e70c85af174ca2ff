package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The gateway's strategies for spreading requests over a pool (docs/GATEWAY.md). */
public enum LoadBalancing {
    @JsonProperty("round_robin")
    ROUND_ROBIN("round_robin"),
    @JsonProperty("weighted")
    WEIGHTED("weighted"),
    @JsonProperty("least_conn")
    LEAST_CONN("least_conn");

    private final String value;

    LoadBalancing(String value) {
        this.value = value;
    }

    /** The name the gateway's route table uses. */
    public String value() {
        return value;
    }
}
