package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the autoscaler keeps at the target, per pod. */
public enum ScalingMetric {
    /** Requests per second per pod, scaled by the operator itself. */
    @JsonProperty("rps")
    RPS,
    /** Requests in flight per pod, scaled by the operator itself. */
    @JsonProperty("inflight")
    INFLIGHT,
    /** CPU utilisation in percent of the request, scaled by a generated HorizontalPodAutoscaler. */
    @JsonProperty("cpu")
    CPU
}
