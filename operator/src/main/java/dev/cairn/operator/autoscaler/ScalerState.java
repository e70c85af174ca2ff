package dev.cairn.operator.autoscaler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.ToIntFunction;

/**
 * What the algorithm remembers about one component between decisions: recent observations (panic window), recent
 * recommendations (stabilization windows) and until when it is panicking. Not thread-safe: one component's
 * decisions are made one after the other.
 */
public final class ScalerState {

    record Observation(Instant at, double value) {
    }

    record Recommendation(Instant at, int replicas) {
    }

    private final Deque<Observation> observations = new ArrayDeque<>();
    private final Deque<Recommendation> recommendations = new ArrayDeque<>();
    private Instant panicUntil;
    private Recommendation start;

    /**
     * The replicas found at the first decision count as a recommendation for scaling down, so a fresh state (a new
     * component, an operator restart or failover) waits a whole scale-down window before removing pods.
     */
    void startIfNew(Instant now, int current) {
        if (start == null) {
            start = new Recommendation(now, current);
        }
    }

    void observe(Instant now, double value, Duration keep) {
        observations.addLast(new Observation(now, value));
        while (!observations.isEmpty() && observations.peekFirst().at().isBefore(now.minus(keep))) {
            observations.removeFirst();
        }
    }

    double averageSince(Instant since) {
        return observations.stream().filter(o -> !o.at().isBefore(since)).mapToDouble(Observation::value)
                .average().orElse(0);
    }

    void recommend(Instant now, int replicas, Duration keep) {
        recommendations.addLast(new Recommendation(now, replicas));
        while (!recommendations.isEmpty() && recommendations.peekFirst().at().isBefore(now.minus(keep))) {
            recommendations.removeFirst();
        }
    }

    int lowestSince(Instant since, int fallback) {
        return extreme(since, fallback, Math::min);
    }

    int highestSince(Instant since, int fallback) {
        int highest = extreme(since, fallback, Math::max);
        return start != null && start.at().isAfter(since) ? Math.max(highest, start.replicas()) : highest;
    }

    private int extreme(Instant since, int fallback, java.util.function.IntBinaryOperator pick) {
        ToIntFunction<Recommendation> replicas = Recommendation::replicas;
        return recommendations.stream().filter(r -> !r.at().isBefore(since)).mapToInt(replicas)
                .reduce(pick).orElse(fallback);
    }

    boolean panicking(Instant now) {
        return panicUntil != null && now.isBefore(panicUntil);
    }

    void panicUntil(Instant until) {
        panicUntil = until;
    }
}
