package dev.cairn.gateway.ratelimit;

/**
 * The answer of the rate limiter for one request, with what the {@code RateLimit-*} headers say.
 *
 * @param allowed           whether the request may pass
 * @param limit             the bucket size ({@code RateLimit-Limit})
 * @param remaining         tokens left after this request ({@code RateLimit-Remaining})
 * @param resetSeconds      seconds until the bucket is full again ({@code RateLimit-Reset})
 * @param retryAfterSeconds seconds until the next request may pass ({@code Retry-After}, when refused)
 * @param distributed       whether the shared Redis bucket decided (false: the local fallback)
 */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
                           boolean distributed) {
}
