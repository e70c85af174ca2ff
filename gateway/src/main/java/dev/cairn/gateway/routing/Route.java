package dev.cairn.gateway.routing;

import java.time.Duration;
import java.util.Set;

/**
 * One entry of the route table: requests whose path starts with {@code prefix} (on a segment boundary) go to
 * {@code pool}.
 *
 * @param prefix    path prefix, e.g. {@code /api/v1/orders}
 * @param pool      upstream pool name
 * @param auth      whether a token is needed, checked if present, or not looked at
 * @param roles     roles of which the caller needs one (empty: any authenticated caller, when auth is required)
 * @param rateLimit rate-limit class
 * @param timeout   how long to wait for the upstream's response headers
 * @param retries   extra attempts on another instance for idempotent methods (bounded by the retry budget)
 * @param cache     whether anonymous GET responses may be cached (when the upstream allows it)
 */
public record Route(String prefix, String pool, Auth auth, Set<String> roles, String rateLimit, Duration timeout,
                    int retries, boolean cache) {

    /** How a route treats the {@code Authorization} header. */
    public enum Auth {
        /** a valid token is needed (401 otherwise) */
        REQUIRED,
        /** no token is fine; a token that is present must be valid */
        OPTIONAL,
        /** the gateway does not look at it (login, refresh, JWKS) */
        NONE
    }

    /** Whether {@code path} falls under this route. */
    public boolean matches(String path) {
        return path.equals(prefix) || prefix.equals("/")
                || path.startsWith(prefix) && (prefix.endsWith("/") || path.charAt(prefix.length()) == '/');
    }
}
