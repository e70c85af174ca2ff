package dev.cairn.operator.autoscaler;

import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ScalingAlgorithmTest {

    private static final Duration TICK = Duration.ofSeconds(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ScalingAlgorithm algorithm = new ScalingAlgorithm(clock);
    private final ScalerState state = new ScalerState();

    private static ScalingPolicy policy(int min, int max, int maxStep) {
        return new ScalingPolicy(ScalingMetric.RPS, min, max, 100, 0.1, Duration.ZERO, Duration.ofSeconds(300),
                2.0, Duration.ofSeconds(10), Duration.ofSeconds(60), maxStep);
    }

    /** Decides with the clock a tick later, then applies the decision as the Deployment would. */
    private int step(ScalingPolicy policy, int current, double observed) {
        clock.advance(TICK);
        return algorithm.decide(policy, state, current, observed).to();
    }

    @Test
    void scalesUpWithinOneDecisionWhenLoadSteps() {
        ScalingPolicy policy = policy(1, 10, 10);
        int replicas = step(policy, 2, 100);
        assertThat(replicas).isEqualTo(2);

        clock.advance(TICK);
        Decision decision = algorithm.decide(policy, state, 2, 180);

        assertThat(decision.to()).isEqualTo(4);
        assertThat(decision.reason()).startsWith("load above target (rps 180.0 per pod, target 100.0)");
    }

    @Test
    void scalesDownOnlyAfterTheStabilizationWindow() {
        ScalingPolicy policy = policy(1, 10, 10);
        int replicas = step(policy, 4, 100);
        Instant loadDropped = clock.instant().plus(TICK);

        replicas = step(policy, replicas, 40);
        assertThat(replicas).as("right after the drop").isEqualTo(4);
        while (clock.instant().isBefore(loadDropped.plusSeconds(285))) {
            replicas = step(policy, replicas, 40);
            assertThat(replicas).as("inside the 300 s window, at %s", clock.instant()).isEqualTo(4);
        }
        replicas = step(policy, replicas, 40);
        replicas = step(policy, replicas, 40);

        assertThat(replicas).isEqualTo(2);
    }

    @Test
    void keepsReplicasWhenLoadFlapsInsideTheTolerance() {
        ScalingPolicy policy = policy(1, 10, 10);
        int replicas = 3;
        double[] load = {95, 108, 92, 104, 99, 109, 91, 105};
        for (double observed : load) {
            replicas = step(policy, replicas, observed);
            assertThat(replicas).as("at %s rps per pod", observed).isEqualTo(3);
        }
    }

    @Test
    void panicsOnASurgeSkippingTheScaleUpWindowAndHoldsWhilePanicking() {
        ScalingPolicy slowUp = new ScalingPolicy(ScalingMetric.RPS, 1, 20, 100, 0.1, Duration.ofSeconds(120),
                Duration.ofSeconds(30), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(60), 20);
        int replicas = step(slowUp, 2, 100);

        Decision surge = algorithm.decide(slowUp, state, replicas, 150);
        assertThat(surge.to()).as("1.5x target waits for the scale-up window").isEqualTo(2);
        assertThat(surge.panicking()).isFalse();

        clock.advance(TICK);
        Decision panic = algorithm.decide(slowUp, state, replicas, 450);
        assertThat(panic.panicking()).isTrue();
        assertThat(panic.to()).isEqualTo(9);
        assertThat(panic.reason()).startsWith("panic");
        replicas = panic.to();

        clock.advance(TICK);
        Decision calm = algorithm.decide(slowUp, state, replicas, 10);
        assertThat(calm.panicking()).as("panic lasts 60 s after the surge").isTrue();
        assertThat(calm.to()).as("no scale down while panicking").isEqualTo(9);

        clock.advance(Duration.ofSeconds(61));
        Decision after = algorithm.decide(slowUp, state, replicas, 10);
        assertThat(after.panicking()).isFalse();
        assertThat(after.to()).isLessThan(9);
    }

    @Test
    void staysWithinMinAndMaxReplicas() {
        ScalingPolicy policy = policy(2, 5, 10);

        ScalingPolicy noWindows = new ScalingPolicy(ScalingMetric.RPS, 2, 5, 100, 0.1, Duration.ZERO,
                Duration.ZERO, 2.0, Duration.ofSeconds(10), Duration.ZERO, 10);

        assertThat(step(policy, 4, 10_000)).isEqualTo(5);
        assertThat(algorithm.decide(noWindows, new ScalerState(), 5, 0).to()).isEqualTo(2);
        Decision belowMin = algorithm.decide(policy, new ScalerState(), 1, 100);
        assertThat(belowMin.to()).isEqualTo(2);
        assertThat(belowMin.reason()).isEqualTo("below minReplicas 2");
    }

    @Test
    void addsAtMostTheMaximumStepPerDecision() {
        ScalingPolicy policy = policy(1, 50, 4);

        assertThat(step(policy, 2, 1_000)).isEqualTo(6);
    }

    @Test
    void scaleUpWindowTakesTheLowestRecentRecommendation() {
        ScalingPolicy policy = new ScalingPolicy(ScalingMetric.RPS, 1, 20, 100, 0.1, Duration.ofSeconds(20),
                Duration.ofSeconds(300), 10.0, Duration.ofSeconds(10), Duration.ofSeconds(60), 20);

        assertThat(step(policy, 2, 150)).as("first recommendation 3").isEqualTo(3);
        assertThat(step(policy, 3, 300)).as("recommends 9, window still holds 3").isEqualTo(3);
        assertThat(step(policy, 3, 300)).as("window holds 9 and 9").isEqualTo(9);
    }

    @Test
    void waitsAWholeScaleDownWindowAfterStartingWithoutHistory() {
        ScalingPolicy policy = policy(1, 10, 10);

        assertThat(step(policy, 6, 10)).as("fresh state, e.g. after an operator failover").isEqualTo(6);
        for (int i = 0; i < 19; i++) {
            assertThat(step(policy, 6, 10)).isEqualTo(6);
        }
        assertThat(step(policy, 6, 10)).as("300 s after the first decision").isEqualTo(1);
    }
}
