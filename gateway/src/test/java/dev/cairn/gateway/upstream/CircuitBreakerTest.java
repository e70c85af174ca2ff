package dev.cairn.gateway.upstream;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

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

        now = now.plusSeconds(5);
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
        now = now.plusSeconds(1);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.record(false);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }
}
