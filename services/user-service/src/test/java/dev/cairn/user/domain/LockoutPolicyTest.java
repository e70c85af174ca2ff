package dev.cairn.user.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutPolicyTest {

    private final LockoutPolicy policy = LockoutPolicy.standard();
    private final Instant now = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void theFifthFailureLocks() {
        assertThat(policy.locks(4)).isFalse();
        assertThat(policy.locks(5)).isTrue();
    }

    @Test
    void failuresCountForFifteenMinutes() {
        assertThat(policy.windowStart(now)).isEqualTo(now.minus(Duration.ofMinutes(15)));
    }

    @Test
    void aLockLastsFifteenMinutes() {
        Instant until = policy.lockedUntil(now);
        assertThat(LockoutPolicy.isLocked(until, now.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(LockoutPolicy.isLocked(until, until)).isFalse();
        assertThat(LockoutPolicy.isLocked(null, now)).isFalse();
    }
}
