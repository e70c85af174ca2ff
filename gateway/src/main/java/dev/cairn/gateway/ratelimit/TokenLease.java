package dev.cairn.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens one gateway replica took from a shared Redis bucket in one go, spent by its next requests without asking
 * Redis again, until they are used up or the lease is older than its window (then the rest is dropped: tokens are
 * never given back, so the replicas together never admit more than the shared bucket allows).
 *
 * @see RateLimiter
 */
final class TokenLease {

    private final AtomicLong left;
    private final long expiresAtNanos;
    private final long sharedRemaining;
    private final long resetSeconds;

    /**
     * @param left            tokens still to spend (those taken, minus the one of the request that took them)
     * @param expiresAtNanos  {@link System#nanoTime()} after which the lease is not used any more
     * @param sharedRemaining tokens left in the shared bucket when these were taken
     * @param resetSeconds    the shared bucket's seconds to full then
     */
    TokenLease(long left, long expiresAtNanos, long sharedRemaining, long resetSeconds) {
        this.left = new AtomicLong(left);
        this.expiresAtNanos = expiresAtNanos;
        this.sharedRemaining = sharedRemaining;
        this.resetSeconds = resetSeconds;
    }

    /**
     * Spends one token of the lease.
     *
     * @return the tokens left after it (the lease's and the shared bucket's, as last seen), or -1 when the lease is
     *         used up or expired
     */
    long take(long nowNanos) {
        if (nowNanos - expiresAtNanos > 0) {
            return -1;
        }
        long before = left.getAndUpdate(tokens -> tokens > 0 ? tokens - 1 : 0);
        return before > 0 ? before - 1 + sharedRemaining : -1;
    }

    long resetSeconds() {
        return resetSeconds;
    }
}
