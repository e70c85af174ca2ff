package dev.cairn.operator.autoscaler;

import dev.cairn.operator.api.v1alpha1.AutoscalingSpec;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;

import java.time.Duration;
import java.util.Objects;

/**
 * The parameters of one component's scaling decisions.
 *
 * @param metric               the metric kept at target
 * @param minReplicas          lower bound
 * @param maxReplicas          upper bound
 * @param target               target value of the metric per pod
 * @param tolerance            relative distance from target inside which nothing changes (0.1 = 10 %)
 * @param scaleUpWindow        scale up only to the lowest recommendation of this window
 * @param scaleDownWindow      scale down only to the highest recommendation of this window
 * @param panicThreshold       multiple of target that starts panic mode
 * @param panicWindow          the metric is averaged over this window to detect panic
 * @param panicHold            panic mode lasts this long after the last panicking observation
 * @param maxStep              most replicas added or removed by one decision
 */
public record ScalingPolicy(ScalingMetric metric, int minReplicas, int maxReplicas, double target, double tolerance,
                            Duration scaleUpWindow, Duration scaleDownWindow, double panicThreshold,
                            Duration panicWindow, Duration panicHold, int maxStep) {

    public static final double DEFAULT_TOLERANCE = 0.1;
    public static final Duration DEFAULT_PANIC_WINDOW = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PANIC_HOLD = Duration.ofSeconds(60);

    /** The policy of an autoscaling spec (with the CRD's defaults for unset fields). */
    public static ScalingPolicy from(AutoscalingSpec spec) {
        return new ScalingPolicy(
                Objects.requireNonNullElse(spec.getMetric(), ScalingMetric.RPS),
                Objects.requireNonNullElse(spec.getMinReplicas(), 1),
                Objects.requireNonNullElse(spec.getMaxReplicas(), 5),
                Objects.requireNonNull(spec.getTarget(), "autoscaling.target"),
                DEFAULT_TOLERANCE,
                Duration.ofSeconds(Objects.requireNonNullElse(spec.getScaleUpStabilizationSeconds(), 0)),
                Duration.ofSeconds(Objects.requireNonNullElse(spec.getScaleDownStabilizationSeconds(), 300)),
                Objects.requireNonNullElse(spec.getPanicThreshold(), 2.0),
                DEFAULT_PANIC_WINDOW,
                DEFAULT_PANIC_HOLD,
                Objects.requireNonNullElse(spec.getMaxScaleStep(), 4));
    }
}
