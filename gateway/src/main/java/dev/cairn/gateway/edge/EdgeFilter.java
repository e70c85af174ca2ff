package dev.cairn.gateway.edge;

import dev.cairn.commons.tracing.Tracing;
import dev.cairn.gateway.proxy.ProblemWriter;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs before every route of the gateway (the proxy, health, metrics, OpenAPI): sets the security headers on every
 * response (HSTS, {@code X-Content-Type-Options}, {@code X-Frame-Options} and CSP {@code frame-ancestors},
 * {@code Referrer-Policy}) and the request id; refuses methods outside the allow-list (405) and paths that are not
 * in normal form (400, see {@link RequestPaths}); answers CORS preflights for the configured origins (403 for
 * others) and marks responses to allowed origins.
 */
public final class EdgeFilter implements Filter {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, "
            + "X-Request-Id, traceparent";
    private static final String EXPOSED_HEADERS = "Location, ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
            + "RateLimit-Reset, X-Request-Id, Deprecation, Link";

    private final Supplier<List<String>> corsOrigins;
    private final Tracer tracer;

    /** @param tracer the process's tracer, looked up once ({@link Tracing#tracer()}), not per request */
    public EdgeFilter(Supplier<List<String>> corsOrigins, Tracer tracer) {
        this.corsOrigins = corsOrigins;
        this.tracer = tracer;
    }

    /**
     * Runs the request inside the gateway's SERVER span, a child of the client's {@code traceparent} when it sent a
     * well-formed one, so the request id, the access log and every upstream call carry its trace.
     */
    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String method = request.prologue().method().text();
        Span span = tracer.spanBuilder((METHODS.contains(method) ? method : "OTHER") + " gateway")
                .setSpanKind(SpanKind.SERVER)
                .setParent(Tracing.parentOf(request.headers().first(RequestIdentity.TRACEPARENT).orElse(null)))
                .setAttribute("http.method", method)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            edge(chain, request, response);
        } finally {
            int status = response.status().code();
            span.setAttribute("http.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    private void edge(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        RequestIdentity identity = RequestIdentity.of(request);
        response.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Content-Security-Policy", "frame-ancestors 'none'");
        response.header("Referrer-Policy", "no-referrer");
        response.header(RequestIdentity.X_REQUEST_ID, identity.requestId());
        String path = request.path().rawPath();
        String method = request.prologue().method().text();
        if (!METHODS.contains(method)) {
            response.header("Allow", ALLOWED_METHODS);
            ProblemWriter.send(response, 405, "Method " + method + " is not allowed", path, identity.traceId());
            return;
        }
        Optional<String> badPath = RequestPaths.problem(path);
        if (badPath.isPresent()) {
            ProblemWriter.send(response, 400, "Refused path: " + badPath.get(), "/", identity.traceId());
            return;
        }
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isPresent()) {
            boolean allowed = allowed(origin.get());
            boolean preflight = method.equals("OPTIONS")
                    && request.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD).isPresent();
            if (preflight) {
                if (!allowed) {
                    ProblemWriter.send(response, 403, "Origin " + origin.get() + " is not allowed", path, identity.traceId());
                    return;
                }
                corsHeaders(response, origin.get());
                response.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
                response.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.header("Access-Control-Max-Age", "600");
                response.status(204).send();
                return;
            }
            if (allowed) {
                corsHeaders(response, origin.get());
                response.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            }
        }
        chain.proceed();
    }

    private boolean allowed(String origin) {
        List<String> origins = corsOrigins.get();
        return origins.contains("*") || origins.contains(origin);
    }

    private static void corsHeaders(RoutingResponse response, String origin) {
        response.header("Access-Control-Allow-Origin", origin);
        response.header("Vary", "Origin");
    }
}
