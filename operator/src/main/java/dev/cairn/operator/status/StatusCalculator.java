package dev.cairn.operator.status;

import dev.cairn.operator.api.v1alpha1.ComponentStatus;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatformStatus;
import dev.cairn.operator.api.v1alpha1.Phase;
import dev.cairn.operator.api.v1alpha1.PlatformCondition;
import dev.cairn.operator.autoscaler.ScalingActivity;
import dev.cairn.operator.model.Component;
import dev.cairn.operator.model.Components;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes a platform's status from its Deployments, the autoscaler's activity and the outcome of the last apply.
 * Pure apart from its arguments.
 */
public final class StatusCalculator {

    private StatusCalculator() {
    }

    /**
     * @param platform     the platform (its previous status is the base for transition times)
     * @param deployments  the platform's Deployments by name
     * @param activity     the autoscaler's activity
     * @param failure      why the last apply failed or the spec is invalid (reason, message), if it did
     * @param now          the time of this computation
     */
    public static MicroservicePlatformStatus compute(MicroservicePlatform platform, Map<String, Deployment> deployments,
                                                     ScalingActivity activity, Optional<Failure> failure,
                                                     Instant now) {
        MicroservicePlatformStatus previous = Objects.requireNonNullElseGet(platform.getStatus(),
                MicroservicePlatformStatus::new);
        long generation = Objects.requireNonNullElse(platform.getMetadata().getGeneration(), 0L);
        List<Component> components = Components.of(platform);

        List<ComponentStatus> componentStatuses = new ArrayList<>();
        List<String> notReady = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        boolean anyReported = false;
        for (Component component : components) {
            Deployment deployment = deployments.get(component.objectName());
            int desired = desiredReplicas(component, deployment);
            int ready = deployment == null || deployment.getStatus() == null
                    || deployment.getStatus().getReadyReplicas() == null ? 0
                    : deployment.getStatus().getReadyReplicas();
            anyReported |= deployment != null && deployment.getStatus() != null
                    && deployment.getStatus().getObservedGeneration() != null;
            if (!rolledOut(deployment, desired)) {
                notReady.add(component.name() + " " + ready + "/" + desired);
            }
            if (progressDeadlineExceeded(deployment)) {
                stuck.add(component.name());
            }
            ComponentStatus status = new ComponentStatus(component.name(), desired, ready);
            lastScale(platform, component, activity, previous, status);
            componentStatuses.add(status);
        }

        List<PlatformCondition> conditions = new ArrayList<>();
        boolean ready = failure.isEmpty() && notReady.isEmpty();
        conditions.add(ready
                ? new PlatformCondition(PlatformCondition.READY, true, "AllComponentsReady",
                        components.size() + "/" + components.size() + " components ready")
                : new PlatformCondition(PlatformCondition.READY, false,
                        failure.isPresent() ? failure.get().reason() : "ComponentsNotReady",
                        failure.isPresent() ? failure.get().message() : "not ready: " + String.join(", ", notReady)));
        boolean progressing = failure.isEmpty() && !notReady.isEmpty() && stuck.isEmpty();
        conditions.add(progressing
                ? new PlatformCondition(PlatformCondition.PROGRESSING, true, "RollingOut",
                        "waiting for " + String.join(", ", notReady))
                : new PlatformCondition(PlatformCondition.PROGRESSING, false, ready ? "Complete" : "NotProgressing",
                        ready ? "every component rolled out" : "see the Degraded condition"));
        Optional<Failure> degradedBy = failure.or(() -> stuck.isEmpty() ? Optional.empty()
                : Optional.of(new Failure("ProgressDeadlineExceeded",
                        "rollout stuck: " + String.join(", ", stuck))));
        conditions.add(degradedBy
                .map(f -> new PlatformCondition(PlatformCondition.DEGRADED, true, f.reason(), f.message()))
                .orElseGet(() -> new PlatformCondition(PlatformCondition.DEGRADED, false, "AsExpected",
                        "no problem found")));
        conditions.add(scalingActive(platform, components, activity));

        MicroservicePlatformStatus status = new MicroservicePlatformStatus();
        status.setObservedGeneration(generation);
        status.setComponents(componentStatuses);
        status.setConditions(Conditions.merge(previous.getConditions(), conditions, now, generation));
        status.setPhase(degradedBy.isPresent() ? Phase.Degraded
                : ready ? Phase.Ready
                : anyReported ? Phase.Progressing : Phase.Pending);
        return status;
    }

    /** Why a platform is degraded: a CamelCase reason and a message. */
    public record Failure(String reason, String message) {
    }

    private static int desiredReplicas(Component component, Deployment deployment) {
        if (deployment != null && deployment.getSpec() != null && deployment.getSpec().getReplicas() != null) {
            return deployment.getSpec().getReplicas();
        }
        if (component.autoscaled()) {
            return component.autoscaling().getMinReplicas();
        }
        return component.replicas();
    }

    private static boolean rolledOut(Deployment deployment, int desired) {
        if (deployment == null || deployment.getStatus() == null) {
            return desired == 0 && deployment != null;
        }
        var status = deployment.getStatus();
        Long generation = deployment.getMetadata().getGeneration();
        boolean observed = generation == null || (status.getObservedGeneration() != null
                && status.getObservedGeneration() >= generation);
        return observed && value(status.getReadyReplicas()) >= desired && value(status.getUpdatedReplicas()) >= desired;
    }

    private static boolean progressDeadlineExceeded(Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return false;
        }
        for (DeploymentCondition condition : deployment.getStatus().getConditions()) {
            if ("Progressing".equals(condition.getType()) && "False".equals(condition.getStatus())
                    && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                return true;
            }
        }
        return false;
    }

    private static void lastScale(MicroservicePlatform platform, Component component, ScalingActivity activity,
                                  MicroservicePlatformStatus previous, ComponentStatus status) {
        var recorded = activity.get(platform.getMetadata().getNamespace(), platform.getMetadata().getName(),
                component.name()).filter(a -> a.lastScaleTime() != null);
        if (recorded.isPresent()) {
            status.setLastScaleTime(DateTimeFormatter.ISO_INSTANT.format(
                    recorded.get().lastScaleTime().truncatedTo(ChronoUnit.SECONDS)));
            status.setLastScaleReason(recorded.get().lastScaleReason());
            return;
        }
        // After an operator restart the activity is gone; the status keeps what it said.
        previous.component(component.name()).ifPresent(before -> {
            status.setLastScaleTime(before.getLastScaleTime());
            status.setLastScaleReason(before.getLastScaleReason());
        });
    }

    private static PlatformCondition scalingActive(MicroservicePlatform platform, List<Component> components,
                                                   ScalingActivity activity) {
        List<String> scaled = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (Component component : components) {
            if (component.scaledByHpa()) {
                scaled.add(component.name() + " (cpu, HorizontalPodAutoscaler)");
            } else if (component.scaledByOperator()) {
                var seen = activity.get(platform.getMetadata().getNamespace(), platform.getMetadata().getName(),
                        component.name());
                if (seen.isPresent() && seen.get().problem() != null) {
                    problems.add(component.name() + ": " + seen.get().problem());
                } else if (seen.isPresent() && seen.get().lastValue() != null) {
                    scaled.add(component.name() + " (" + component.autoscaling().getMetric().name()
                            .toLowerCase(java.util.Locale.ROOT) + ")");
                } else {
                    waiting.add(component.name());
                }
            }
        }
        if (!problems.isEmpty()) {
            return new PlatformCondition(PlatformCondition.SCALING_ACTIVE, false, "MetricsUnavailable",
                    String.join("; ", problems));
        }
        if (!waiting.isEmpty()) {
            return new PlatformCondition(PlatformCondition.SCALING_ACTIVE, false, "WaitingForMetrics",
                    "no metric read yet for " + String.join(", ", waiting));
        }
        if (scaled.isEmpty()) {
            return new PlatformCondition(PlatformCondition.SCALING_ACTIVE, false, "AutoscalingDisabled",
                    "no component has autoscaling enabled");
        }
        return new PlatformCondition(PlatformCondition.SCALING_ACTIVE, true, "MetricsAvailable",
                "scaling " + String.join(", ", scaled));
    }

    private static int value(Integer value) {
        return value == null ? 0 : value;
    }
}
