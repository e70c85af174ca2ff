package dev.cairn.gateway.proxy;

import dev.cairn.gateway.admin.GatewayView;
import dev.cairn.gateway.auth.Caller;
import dev.cairn.gateway.auth.TokenVerifier;
import dev.cairn.gateway.edge.RequestIdentity;
import dev.cairn.gateway.ratelimit.RateDecision;
import dev.cairn.gateway.ratelimit.RateLimiter;
import dev.cairn.gateway.routing.Route;
import dev.cairn.gateway.routing.RouteTable;
import dev.cairn.gateway.upstream.Instance;
import dev.cairn.gateway.upstream.UpstreamClient;
import dev.cairn.gateway.upstream.UpstreamPool;
import dev.cairn.gateway.upstream.UpstreamResponse;
import dev.cairn.gateway.upstream.Upstreams;
import dev.cairn.commons.problem.ProblemType;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The gateway's hot path, for every request the edge filter let through: route by longest path prefix, check the
 * token and roles the route asks for, take a rate-limit token, pass the pool's circuit breaker, pick an instance, send
 * the request (body up to 1 MiB) and stream the response back as it arrives (SSE included). Connection failures eject
 * the instance and are retried on another one (idempotent methods, or any method when nothing was sent), within the
 * route's retries and the retry budget. Anonymous GETs of routes marked {@code cache} are served from the shared
 * {@link ResponseCache} when the upstream allowed it. Every answer of its own is an RFC 9457 problem.
 */
public final class ProxyHandler implements Handler {

    /** Largest request body passed upstream. */
    public static final int MAX_BODY = 1024 * 1024;
    /** Answers up to this size with a Content-Length are read whole and sent at once; larger ones are streamed. */
    static final int WHOLE_BODY = 64 * 1024;
    /** The admin view of the gateway itself. */
    public static final String ADMIN_PATH = "/api/v1/admin/gateway";

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class.getName());
    private static final HeaderName X_FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");
    private static final HeaderName X_FORWARDED_PROTO = HeaderNames.create("X-Forwarded-Proto");
    private static final HeaderName X_FORWARDED_HOST = HeaderNames.create("X-Forwarded-Host");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    /** Hop-by-hop and other headers a proxy must not pass on as they are (RFC 9110 section 7.6.1). */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
            "forwarded", "x-request-id", "traceparent", "server", "http2-settings");

    private final Supplier<RouteTable> routes;
    private final Upstreams upstreams;
    private final TokenVerifier tokens;
    private final RateLimiter limiter;
    private final RetryBudget budget;
    private final GatewayMetrics metrics;
    private final GatewayView view;
    private final Duration ejectFor;
    private final UpstreamClient client;
    private final ResponseCache cache;
    private final AccessLog accessLog;
    private final Tracer tracer;

    public ProxyHandler(Supplier<RouteTable> routes, Upstreams upstreams, TokenVerifier tokens, RateLimiter limiter,
                        RetryBudget budget, GatewayMetrics metrics, GatewayView view, Duration ejectFor, UpstreamClient client,
                        ResponseCache cache, AccessLog accessLog, Tracer tracer) {
        this.tracer = tracer;
        this.routes = routes;
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.limiter = limiter;
        this.budget = budget;
        this.metrics = metrics;
        this.view = view;
        this.ejectFor = ejectFor;
        this.client = client;
        this.cache = cache;
        this.accessLog = accessLog;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        long started = System.nanoTime();
        RequestIdentity identity = RequestIdentity.of(request);
        String path = request.path().rawPath();
        String method = request.prologue().method().text();
        Optional<Route> route = routes.get().route(path);
        if (path.equals(ADMIN_PATH)) {
            adminView(request, response, identity);
            return;
        }
        if (route.isEmpty()) {
            ProblemWriter.send(response, 404, "No route for " + path, path, identity.traceId());
            metrics.request("none", method, 404, null, Duration.ZERO);
            accessLog.record(method, path, 404, "none", null, Duration.ofNanos(System.nanoTime() - started),
                    clientIp(request), identity);
            return;
        }
        Span.current().updateName(method + " " + route.get().prefix());
        Outcome outcome = serve(route.get(), request, response, identity, method, path);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        metrics.request(route.get().prefix(), method, outcome.status(), outcome.pool(), elapsed);
        accessLog.record(method, path, outcome.status(), route.get().prefix(), outcome.pool(), elapsed, clientIp(request),
                identity);
    }

    private Outcome serve(Route route, ServerRequest request, ServerResponse response, RequestIdentity identity,
                          String method, String path) {
        Caller caller;
        try {
            caller = authenticate(route, request);
        } catch (TokenVerifier.InvalidTokenException e) {
            LOG.fine(() -> "Refused a token for " + path + ": " + e.getMessage());
            response.header("WWW-Authenticate", "Bearer realm=\"cairn\"");
            ProblemWriter.send(response, 401, "A valid access token is required", path, identity.traceId());
            return new Outcome(401, null);
        }
        if (!caller.hasAnyOf(route.roles())) {
            ProblemWriter.send(response, 403, "This needs one of the roles " + route.roles(), path, identity.traceId());
            return new Outcome(403, null);
        }
        RateDecision decision = limiter.take(routes.get().rateLimits().get(route.rateLimit()),
                caller.authenticated() ? "user:" + caller.subject() : "ip:" + clientIp(request));
        response.header("RateLimit-Limit", Long.toString(decision.limit()));
        response.header("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.header("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            metrics.rateLimited(route.prefix(), route.rateLimit());
            response.header("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
            ProblemWriter.send(response, 429, "Too many requests; try again in "
                    + Math.max(1, decision.retryAfterSeconds()) + " s", path, identity.traceId());
            return new Outcome(429, null);
        }
        long declared = request.headers().contentLength().orElse(0);
        byte[] body;
        try {
            body = declared > MAX_BODY ? null
                    : request.content().hasEntity() ? request.content().inputStream().readNBytes(MAX_BODY + 1) : new byte[0];
        } catch (IOException | UncheckedIOException e) {
            ProblemWriter.send(response, 400, "The request body could not be read", path, identity.traceId());
            return new Outcome(400, null);
        }
        if (body == null || body.length > MAX_BODY) {
            ProblemWriter.send(response, 413, "The request body is larger than 1 MiB", path, identity.traceId());
            return new Outcome(413, null);
        }
        return forward(route, request, response, identity, method, path, body);
    }

    private Caller authenticate(Route route, ServerRequest request) {
        if (route.auth() == Route.Auth.NONE) {
            return Caller.ANONYMOUS;
        }
        Optional<String> authorization = request.headers().first(HeaderNames.AUTHORIZATION);
        if (authorization.isEmpty()) {
            if (route.auth() == Route.Auth.REQUIRED) {
                throw new TokenVerifier.InvalidTokenException("no token");
            }
            return Caller.ANONYMOUS;
        }
        String value = authorization.get();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new TokenVerifier.InvalidTokenException("not a bearer token");
        }
        return tokens.verify(value.substring(7).trim());
    }

    private Outcome forward(Route route, ServerRequest request, ServerResponse response, RequestIdentity identity,
                            String method, String path, byte[] body) {
        Optional<UpstreamPool> found = upstreams.pool(route.pool());
        if (found.isEmpty()) {
            ProblemWriter.send(response, 503, "Pool " + route.pool() + " is not configured", path, identity.traceId());
            return new Outcome(503, route.pool());
        }
        UpstreamPool pool = found.get();
        String query = request.query().rawValue();
        String pathAndQuery = path + (query == null || query.isEmpty() ? "" : "?" + query);
        boolean cacheable = route.cache() && method.equals("GET") && cache.enabled()
                && request.headers().first(HeaderNames.AUTHORIZATION).isEmpty()
                && !ResponseCache.bypassed(request.headers().first(HeaderNames.CACHE_CONTROL));
        if (cacheable) {
            Optional<ResponseCache.Entry> hit = cache.find(pathAndQuery);
            if (hit.isPresent()) {
                serveCached(hit.get(), response);
                return new Outcome(200, pool.name());
            }
            response.header("X-Cache", "MISS");
        }
        if (!pool.breaker().tryAcquire()) {
            response.header("Retry-After", Long.toString(pool.breaker().retryAfterSeconds()));
            ProblemWriter.send(response, 503, "The " + pool.name() + " service is failing; the gateway stopped "
                    + "calling it for a moment (circuit open)", path, identity.traceId());
            return new Outcome(503, pool.name());
        }
        budget.deposit();
        Set<Instance> tried = new HashSet<>();
        boolean idempotent = IDEMPOTENT.contains(method);
        String lastFailure = null;
        boolean againOnSameInstance = false;
        for (int attempt = 0; ; attempt++) {
            Optional<Instance> chosen = pool.choose(tried);
            if (chosen.isEmpty() && lastFailure != null) {
                pool.breaker().record(false);
                String failed = lastFailure;
                LOG.warning(() -> method + " " + path + " to " + pool.name() + " failed on every attempt: " + failed);
                ProblemWriter.send(response, 502, "The " + pool.name() + " service failed: " + lastFailure, path,
                        identity.traceId());
                return new Outcome(502, pool.name());
            }
            if (chosen.isEmpty()) {
                pool.breaker().record(false);
                response.header("Retry-After", "1");
                ProblemWriter.send(response, 503, "No instance of " + pool.name() + " is available", path, identity.traceId());
                return new Outcome(503, pool.name());
            }
            Instance instance = chosen.get();
            tried.add(instance);
            boolean mayRetry = attempt < route.retries();
            instance.started();
            AtomicBoolean released = new AtomicBoolean();
            Runnable release = () -> {
                if (released.compareAndSet(false, true)) {
                    instance.finished();
                }
            };
            UpstreamSpan span = UpstreamSpan.start(tracer, method, pool.name(), instance.url(), attempt);
            boolean answered = false;
            try (UpstreamResponse upstream = client.send(method, instance.url(), pathAndQuery,
                    upstreamHeaders(request, identity, span.traceparent()), body, route.timeout(), idempotent)) {
                answered = true;
                int status = upstream.status();
                span.status(status);
                if (status == 503 && idempotent && mayRetry && budget.tryWithdraw()) {
                    lastFailure = "503 Service Unavailable";
                    continue;
                }
                pool.breaker().record(status < 500);
                Map<String, List<String>> headers = upstream.headers();
                Optional<Duration> shareable = cacheable ? ResponseCache.shareableFor(status, headers) : Optional.empty();
                relay(status, headers, upstream.body(), method, response, shareable.isPresent() ? cache.maxBytes() : 0,
                        kept -> {
                            upstream.release();
                            release.run();
                            if (shareable.isPresent() && kept != null) {
                                cache.store(pathAndQuery, new ResponseCache.Entry(headers, kept, Instant.now()),
                                        shareable.get());
                            }
                        });
                return new Outcome(status, pool.name());
            } catch (IOException | RuntimeException e) {
                span.failed(describe(e));
                Failure failure = Failure.of(e);
                if (failure == Failure.CONNECT) {
                    pool.eject(instance, ejectFor, "connection failed: " + describe(e));
                    LOG.warning(() -> "Ejected " + instance.url() + " of " + pool.name() + " for " + ejectFor.toSeconds()
                            + " s: " + describe(e));
                    if (mayRetry && budget.tryWithdraw()) {
                        lastFailure = "cannot be reached";
                        continue;
                    }
                    // nothing reached the service: it is unavailable (503, try again), not a bad gateway answer
                    pool.breaker().record(false);
                    response.header("Retry-After", "1");
                    ProblemWriter.send(response, 503, "The " + pool.name() + " service cannot be reached", path,
                            identity.traceId());
                    return new Outcome(503, pool.name());
                }
                if (failure == Failure.NO_FREE_CONNECTION) {
                    response.header("Retry-After", "1");
                    ProblemWriter.send(response, 503, "The gateway has no free connection to the " + pool.name()
                            + " service (all in use)", path, identity.traceId());
                    return new Outcome(503, pool.name());
                }
                if (failure == Failure.TIMEOUT && !response.isSent()) {
                    pool.breaker().record(false);
                    ProblemWriter.send(response, 504, "The " + pool.name() + " service did not answer within "
                            + route.timeout().toMillis() + " ms", path, identity.traceId());
                    return new Outcome(504, pool.name());
                }
                if (failure == Failure.OTHER && !response.isSent() && idempotent && mayRetry && budget.tryWithdraw()) {
                    lastFailure = describe(e);
                    if (!answered && !againOnSameInstance) {
                        // it failed before the status line: a kept-alive connection can break where the next one
                        // works, so the instance may be tried once more (when no other instance is left)
                        againOnSameInstance = true;
                        tried.remove(instance);
                    }
                    LOG.fine(() -> method + " " + path + " to " + instance.url() + " failed (" + describe(e) + "); retrying");
                    continue;
                }
                pool.breaker().record(false);
                LOG.warning(() -> method + " " + path + " to " + instance.url() + " failed (" + e.getClass().getSimpleName()
                        + "): " + describe(e));
                if (!response.isSent()) {
                    ProblemWriter.send(response, 502, "The " + pool.name() + " service failed: " + describe(e), path,
                            identity.traceId());
                }
                return new Outcome(502, pool.name());
            } finally {
                release.run();
                span.close();
            }
        }
    }

    /** The header lines passed upstream: the client's, less hop-by-hop ones, plus the forwarding and trace headers. */
    private static List<Map.Entry<String, String>> upstreamHeaders(ServerRequest request, RequestIdentity identity,
                                                                   String traceparent) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        Set<String> connectionTokens = connectionTokens(request);
        for (Header header : request.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !connectionTokens.contains(name)) {
                header.allValues().forEach(value -> headers.add(Map.entry(header.name(), value)));
            }
        }
        String clientIp = clientIp(request);
        headers.add(Map.entry(X_FORWARDED_FOR.defaultCase(), request.headers().first(HeaderNames.X_FORWARDED_FOR)
                .map(chain -> chain + ", " + clientIp).orElse(clientIp)));
        headers.add(Map.entry(X_FORWARDED_PROTO.defaultCase(), request.isSecure() ? "https" : "http"));
        Optional.ofNullable(request.authority()).ifPresent(host -> headers.add(Map.entry(X_FORWARDED_HOST.defaultCase(), host)));
        headers.add(Map.entry(RequestIdentity.X_REQUEST_ID.defaultCase(), identity.requestId()));
        headers.add(Map.entry(RequestIdentity.TRACEPARENT.defaultCase(), traceparent != null ? traceparent : identity.traceparent()));
        return headers;
    }

    /**
     * Passes the upstream's answer to the client: one of known length up to {@value #WHOLE_BODY} bytes in one piece,
     * any other streamed as it arrives (SSE, chunked, large downloads).
     *
     * @param keep         up to how many body bytes to keep for the response cache (0: none)
     * @param upstreamDone given the whole body when it was kept (else null) once the upstream's answer is read, before
     *                     the client sees its end, so the client's next request finds the instance idle and the
     *                     response cached
     */
    private static void relay(int status, Map<String, List<String>> headers, InputStream body, String method,
                              ServerResponse response, int keep, Consumer<byte[]> upstreamDone) {
        boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
        // not closed here: closing reads an unfinished body to its end (an event stream never ends); the caller's
        // UpstreamResponse hands the connection back or closes it
        InputStream in = body;
        try {
            if (noBody) {
                response.status(status);
                copyHeaders(headers, response);
                upstreamDone.accept(null);
                response.send();
                return;
            }
            long length = headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("content-length"))
                    .findFirst().map(header -> Long.parseLong(header.getValue().getFirst().trim())).orElse(-1L);
            if (length >= 0 && length <= WHOLE_BODY) {
                // small and of known length (most API answers): read it all, then send headers and body in one write;
                // an answer cut short is a 502 problem without any of the upstream's headers
                byte[] whole = in.readNBytes((int) length);
                if (whole.length < length) {
                    throw new IOException("the upstream closed its answer after " + whole.length + " of " + length + " bytes");
                }
                upstreamDone.accept(keep > 0 && whole.length <= keep ? whole : null);
                response.status(status);
                copyHeaders(headers, response);
                response.send(whole);
                return;
            }
            response.status(status);
            copyHeaders(headers, response);
            if (length >= 0) {
                response.header("Content-Length", Long.toString(length));
            }
            ByteArrayOutputStream kept = keep > 0 ? new ByteArrayOutputStream() : null;
            boolean done = false;
            long copied = 0;
            try (OutputStream out = response.outputStream()) {
                byte[] buffer = new byte[16 * 1024];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (kept != null) {
                        kept = kept.size() + read <= keep ? kept : null;
                        if (kept != null) {
                            kept.write(buffer, 0, read);
                        }
                    }
                    copied += read;
                    if (!done && length >= 0 && copied >= length) {
                        // the last bytes: with a known length the client is done the moment it has them
                        done = true;
                        upstreamDone.accept(kept == null ? null : kept.toByteArray());
                    }
                    out.write(buffer, 0, read);
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
                if (!done) {
                    upstreamDone.accept(kept == null ? null : kept.toByteArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serveCached(ResponseCache.Entry entry, ServerResponse response) {
        response.status(200);
        copyHeaders(entry.headers(), response);
        response.header("Age", Long.toString(Math.max(0, Duration.between(entry.storedAt(), Instant.now()).toSeconds())));
        response.header("X-Cache", "HIT");
        response.send(entry.body());
    }

    private static void copyHeaders(Map<String, List<String>> headers, ServerResponse response) {
        Set<String> connectionTokens = new HashSet<>();
        headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("connection"))
                .flatMap(header -> header.getValue().stream()).forEach(value ->
                connectionTokens.addAll(List.of(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*"))));
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(":") || NOT_FORWARDED.contains(name) || connectionTokens.contains(name)) {
                continue;
            }
            response.header(header.getKey(), header.getValue().toArray(String[]::new));
        }
    }

    private void adminView(ServerRequest request, ServerResponse response, RequestIdentity identity) {
        Caller caller;
        try {
            caller = authenticate(new Route(ADMIN_PATH, "", Route.Auth.REQUIRED, Set.of("admin"), "default",
                    Duration.ZERO, 0, false), request);
        } catch (TokenVerifier.InvalidTokenException e) {
            response.header("WWW-Authenticate", "Bearer realm=\"cairn\"");
            ProblemWriter.send(response, 401, "A valid access token is required", ADMIN_PATH, identity.traceId());
            return;
        }
        if (!caller.hasAnyOf(Set.of("admin"))) {
            ProblemWriter.send(response, 403, "This needs the role admin", ADMIN_PATH, identity.traceId());
            return;
        }
        if (!request.prologue().method().text().equals("GET")) {
            response.header("Allow", "GET");
            ProblemWriter.send(response, ProblemType.METHOD_NOT_ALLOWED, 405, "Only GET", ADMIN_PATH, identity.traceId());
            return;
        }
        response.header("Content-Type", "application/json");
        response.header("Cache-Control", "no-store");
        response.send(view.render());
    }

    private static Set<String> connectionTokens(ServerRequest request) {
        Set<String> tokens = new HashSet<>();
        request.headers().first(HeaderNames.CONNECTION).ifPresent(value ->
                tokens.addAll(List.of(value.toLowerCase(Locale.ROOT).split("\\s*,\\s*"))));
        return tokens;
    }

    /** The address of the client connection (not a header a client could forge). */
    static String clientIp(ServerRequest request) {
        return request.remotePeer().address() instanceof InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress() : "unknown";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** How a call to an upstream failed. */
    private enum Failure {
        /** no connection: nothing was sent */
        CONNECT,
        /** no answer in time */
        TIMEOUT,
        /** every connection to the instance allowed is in use: nothing was sent */
        NO_FREE_CONNECTION,
        OTHER;

        static Failure of(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectionRequestTimeoutException) {
                    return NO_FREE_CONNECTION;
                }
                if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                        || cause instanceof ConnectTimeoutException) {
                    return CONNECT;
                }
                if (cause instanceof SocketTimeoutException) {
                    return TIMEOUT;
                }
            }
            return OTHER;
        }
    }

    /** What became of a request, for the metrics. */
    private record Outcome(int status, String pool) {
    }
}
