package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/** Replicas of one component (the gateway or a service) and its last scaling decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComponentStatus {

    @JsonPropertyDescription("gateway or the service's name.")
    private String name;

    @JsonPropertyDescription("Replicas the Deployment asks for.")
    private Integer desiredReplicas;

    @JsonPropertyDescription("Replicas passing their readiness probe.")
    private Integer readyReplicas;

    @JsonPropertyDescription("When the autoscaler last changed the replicas (RFC 3339).")
    private String lastScaleTime;

    @JsonPropertyDescription("Why the autoscaler last changed the replicas.")
    private String lastScaleReason;

    public ComponentStatus() {
    }

    public ComponentStatus(String name, Integer desiredReplicas, Integer readyReplicas) {
        this.name = name;
        this.desiredReplicas = desiredReplicas;
        this.readyReplicas = readyReplicas;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getDesiredReplicas() {
        return desiredReplicas;
    }

    public void setDesiredReplicas(Integer desiredReplicas) {
        this.desiredReplicas = desiredReplicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public String getLastScaleTime() {
        return lastScaleTime;
    }

    public void setLastScaleTime(String lastScaleTime) {
        this.lastScaleTime = lastScaleTime;
    }

    public String getLastScaleReason() {
        return lastScaleReason;
    }

    public void setLastScaleReason(String lastScaleReason) {
        this.lastScaleReason = lastScaleReason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentStatus c && Objects.equals(name, c.name)
                && Objects.equals(desiredReplicas, c.desiredReplicas) && Objects.equals(readyReplicas, c.readyReplicas)
                && Objects.equals(lastScaleTime, c.lastScaleTime) && Objects.equals(lastScaleReason, c.lastScaleReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, desiredReplicas, readyReplicas, lastScaleTime, lastScaleReason);
    }
}
