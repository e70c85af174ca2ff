package dev.cairn.gateway.routing;

/**
 * A rate-limit class: a token bucket per subject (user id, else client IP).
 *
 * @param name              class name, referenced by routes
 * @param requestsPerSecond refill rate
 * @param burst             bucket size
 */
public record RateLimitSpec(String name, double requestsPerSecond, int burst) {
}
