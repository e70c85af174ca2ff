package dev.cairn.gateway.upstream;

import dev.cairn.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void opensAtTheFailureRateThenTriesAgainAndCloses() {
        CircuitBreaker breaker = new CircuitBreaker(10, 4, 0.5, Duration.ofSeconds(5), 2, clock);
        for (boolean outcome : new boolean[] {true, false, true}) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.record(outcome);
        }
        assertThat(breaker.state()).as("too few calls to judge").isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.tryAcquire();
        breaker.record(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.retryAfterSeconds()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(5));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.tryAcquire()).as("only two trial calls").isFalse();
        breaker.record(true);
        breaker.record(true);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedTrialOpensItAgain() {
        CircuitBreaker breaker = new CircuitBreaker(4, 2, 0.5, Duration.ofSeconds(1), 1, clock);
        breaker.tryAcquire();
        breaker.record(false);
        breaker.tryAcquire();
        breaker.record(false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.record(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }
}
