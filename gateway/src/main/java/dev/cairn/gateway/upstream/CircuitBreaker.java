package dev.cairn.gateway.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A circuit breaker per upstream pool. CLOSED: calls pass and their outcomes fill a window of the last
 * {@code window} calls; when at least {@code minimumCalls} of them are in and the failure rate reaches
 * {@code failureRate}, it OPENs. OPEN: calls are refused (the gateway answers 503 with {@code Retry-After}) until
 * {@code openFor} has passed, then HALF_OPEN: up to {@code trialCalls} trial calls pass; all succeeding closes it,
 * one failing opens it again.
 */
public final class CircuitBreaker {

    /** The breaker's states; {@link #code()} is the metric value. */
    public enum State {
        CLOSED(0), OPEN(1), HALF_OPEN(2);

        private final int code;

        State(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private final int window;
    private final int minimumCalls;
    private final double failureRate;
    private final Duration openFor;
    private final int trialCalls;
    private final Clock clock;
    private final Deque<Boolean> outcomes = new ArrayDeque<>();
    private State state = State.CLOSED;
    private Instant openedAt = Instant.MIN;
    private int trialsStarted;
    private int trialsSucceeded;

    public CircuitBreaker(int window, int minimumCalls, double failureRate, Duration openFor, int trialCalls, Clock clock) {
        this.window = window;
        this.minimumCalls = minimumCalls;
        this.failureRate = failureRate;
        this.openFor = openFor;
        this.trialCalls = trialCalls;
        this.clock = clock;
    }

    /** Whether a call may go ahead now (in HALF_OPEN this takes one of the trial slots). */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
            trialsStarted = 0;
            trialsSucceeded = 0;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialsStarted < trialCalls) {
                    trialsStarted++;
                    yield true;
                }
                yield false;
            }
        };
    }

    /** The outcome of a call that {@link #tryAcquire()} let through. */
    public synchronized void record(boolean success) {
        switch (state) {
            case HALF_OPEN -> {
                if (!success) {
                    open();
                } else if (++trialsSucceeded >= trialCalls) {
                    state = State.CLOSED;
                    outcomes.clear();
                }
            }
            case CLOSED -> {
                outcomes.addLast(success);
                if (outcomes.size() > window) {
                    outcomes.removeFirst();
                }
                long failures = outcomes.stream().filter(outcome -> !outcome).count();
                if (outcomes.size() >= minimumCalls && failures >= failureRate * outcomes.size()) {
                    open();
                }
            }
            case OPEN -> {
                // a call admitted before it opened; its outcome changes nothing
            }
        }
    }

    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            return State.HALF_OPEN;
        }
        return state;
    }

    /** Seconds until an OPEN breaker lets a trial call through (at least 1). */
    public synchronized long retryAfterSeconds() {
        long millis = Duration.between(clock.instant(), openedAt.plus(openFor)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.instant();
        outcomes.clear();
    }
}
