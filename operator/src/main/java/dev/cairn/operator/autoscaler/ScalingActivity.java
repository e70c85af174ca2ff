package dev.cairn.operator.autoscaler;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the autoscaler last did and saw per component, for the platform's status (lastScaleTime/Reason and the
 * ScalingActive condition). Shared between the autoscaler thread and the reconciler.
 */
public final class ScalingActivity {

    /**
     * @param lastScaleTime    when replicas last changed, or null
     * @param lastScaleReason  why, or null
     * @param lastValue        the metric per pod at the last decision, or null
     * @param problem          why the metric could not be read at the last attempt, or null
     */
    public record ComponentActivity(Instant lastScaleTime, String lastScaleReason, Double lastValue, String problem) {
    }

    private final Map<String, ComponentActivity> activities = new ConcurrentHashMap<>();

    static String key(String namespace, String platform, String component) {
        return namespace + "/" + platform + "/" + component;
    }

    public Optional<ComponentActivity> get(String namespace, String platform, String component) {
        return Optional.ofNullable(activities.get(key(namespace, platform, component)));
    }

    void observed(String key, double value) {
        activities.compute(key, (k, a) -> a == null ? new ComponentActivity(null, null, value, null)
                : new ComponentActivity(a.lastScaleTime(), a.lastScaleReason(), value, null));
    }

    void scaled(String key, Instant at, String reason) {
        activities.compute(key, (k, a) -> new ComponentActivity(at, reason, a == null ? null : a.lastValue(), null));
    }

    /** Records a failed read; returns true when the previous attempt had succeeded (worth an Event). */
    boolean failed(String key, String problem) {
        ComponentActivity before = activities.get(key);
        activities.put(key, before == null ? new ComponentActivity(null, null, null, problem)
                : new ComponentActivity(before.lastScaleTime(), before.lastScaleReason(), before.lastValue(), problem));
        return before == null || before.problem() == null;
    }

    void forget(String namespace, String platform) {
        activities.keySet().removeIf(k -> k.startsWith(namespace + "/" + platform + "/"));
    }
}
