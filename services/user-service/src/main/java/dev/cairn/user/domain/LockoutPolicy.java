package dev.cairn.user.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When failed logins lock an account: {@code maxFailures} failures within {@code window} lock it for
 * {@code lockDuration} (CONTRACT.md section 3: 5 in 15 minutes, for 15 minutes).
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        if (window.isNegative() || window.isZero() || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("window and lockDuration must be positive");
        }
    }

    /** The policy of the contract. */
    public static LockoutPolicy standard() {
        return new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /** Failures at or after this instant count towards a lock at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /** Whether {@code failuresInWindow} failures (the newest included) lock the account. */
    public boolean locks(long failuresInWindow) {
        return failuresInWindow >= maxFailures;
    }

    /** Until when an account locked at {@code now} stays locked. */
    public Instant lockedUntil(Instant now) {
        return now.plus(lockDuration);
    }

    /** Whether an account with {@code lockedUntil} (may be null) is locked at {@code now}. */
    public static boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
