package dev.cairn.operator.autoscaler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Decides a component's replicas from the per-pod metric (docs/OPERATOR.md, "Autoscaling"). Pure: the only inputs
 * are the arguments, the state and the injected clock.
 * <pre>
 *   raw       = ceil(current * observed / target), or current when |observed / target - 1| &lt;= tolerance
 *   panic     = average(observed over panicWindow) &gt;= panicThreshold * target  (lasts panicHold after the last one)
 *   up        = panic ? raw : min(recommendations within scaleUpWindow)
 *   down      = panic ? current : max(recommendations within scaleDownWindow, replicas at the first decision)
 *   desired   = clamp(clamp(up or down, current - maxStep, current + maxStep), minReplicas, maxReplicas)
 * </pre>
 */
public final class ScalingAlgorithm {

    private final Clock clock;

    public ScalingAlgorithm(Clock clock) {
        this.clock = clock;
    }

    /**
     * One decision.
     *
     * @param policy    the component's policy
     * @param state     the component's memory, updated by this call
     * @param current   replicas the Deployment has now
     * @param observed  the metric per pod now
     */
    public Decision decide(ScalingPolicy policy, ScalerState state, int current, double observed) {
        Instant now = clock.instant();
        Duration keep = max(max(policy.scaleUpWindow(), policy.scaleDownWindow()), policy.panicWindow());
        state.observe(now, observed, keep);
        state.startIfNew(now, current);

        int base = Math.max(current, 1);
        double ratio = observed / policy.target();
        int raw = Math.abs(ratio - 1) <= policy.tolerance() ? current : (int) Math.ceil(base * ratio);
        raw = clamp(raw, policy.minReplicas(), policy.maxReplicas());
        state.recommend(now, raw, keep);

        double panicAverage = state.averageSince(now.minus(policy.panicWindow()));
        boolean panicNow = panicAverage >= policy.panicThreshold() * policy.target();
        if (panicNow) {
            state.panicUntil(now.plus(policy.panicHold()));
        }
        boolean panicking = panicNow || state.panicking(now);

        int desired;
        if (raw > current) {
            desired = panicking ? raw : Math.max(current, state.lowestSince(now.minus(policy.scaleUpWindow()), raw));
        } else if (raw < current) {
            desired = panicking ? current
                    : Math.min(current, state.highestSince(now.minus(policy.scaleDownWindow()), raw));
        } else {
            desired = current;
        }
        desired = clamp(desired, current - policy.maxStep(), current + policy.maxStep());
        desired = clamp(desired, policy.minReplicas(), policy.maxReplicas());
        return new Decision(current, desired, reason(policy, current, desired, observed, panicking), panicking);
    }

    private static String reason(ScalingPolicy policy, int current, int desired, double observed, boolean panic) {
        String metric = policy.metric().name().toLowerCase(Locale.ROOT);
        String value = String.format(Locale.ROOT, "%s %.1f per pod, target %.1f", metric, observed, policy.target());
        if (current < policy.minReplicas() && desired == policy.minReplicas()) {
            return "below minReplicas " + policy.minReplicas();
        }
        if (current > policy.maxReplicas() && desired == policy.maxReplicas()) {
            return "above maxReplicas " + policy.maxReplicas();
        }
        if (panic) {
            return "panic (" + value + ", threshold " + policy.panicThreshold() + "x)";
        }
        if (desired > current) {
            return "load above target (" + value + ")";
        }
        if (desired < current) {
            return "load below target (" + value + ")";
        }
        return "steady (" + value + ")";
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
