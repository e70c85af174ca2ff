package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the operator observed: the generation it acted on, a phase, conditions and each component's replicas. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MicroservicePlatformStatus {

    @JsonPropertyDescription("The metadata.generation this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Pending, Progressing, Ready or Degraded.")
    private Phase phase;

    @JsonPropertyDescription("Ready, Progressing, Degraded and ScalingActive.")
    private List<PlatformCondition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The gateway and each service.")
    private List<ComponentStatus> components = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public Phase getPhase() {
        return phase;
    }

    public void setPhase(Phase phase) {
        this.phase = phase;
    }

    public List<PlatformCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<PlatformCondition> conditions) {
        this.conditions = conditions;
    }

    public List<ComponentStatus> getComponents() {
        return components;
    }

    public void setComponents(List<ComponentStatus> components) {
        this.components = components;
    }

    /** The condition of this type, if present. */
    @JsonIgnore
    public Optional<PlatformCondition> condition(String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** The status of this component, if present. */
    @JsonIgnore
    public Optional<ComponentStatus> component(String name) {
        return components == null ? Optional.empty()
                : components.stream().filter(c -> name.equals(c.getName())).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MicroservicePlatformStatus s && Objects.equals(observedGeneration, s.observedGeneration)
                && phase == s.phase && Objects.equals(conditions, s.conditions)
                && Objects.equals(components, s.components);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, phase, conditions, components);
    }
}
