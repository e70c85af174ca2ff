package dev.cairn.gateway.proxy;

/**
 * Bounds retries to a share of the traffic, so retries cannot multiply the load on a struggling upstream: every
 * request earns {@code ratio} of a token (up to {@code max}), every retry spends a whole one.
 */
public final class RetryBudget {

    private final double ratio;
    private final double max;
    private double tokens;

    public RetryBudget(double ratio, double max) {
        this.ratio = ratio;
        this.max = max;
        this.tokens = max;
    }

    /** A request arrived. */
    public synchronized void deposit() {
        tokens = Math.min(max, tokens + ratio);
    }

    /** Whether a retry may be made now (and spends for it). */
    public synchronized boolean tryWithdraw() {
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
