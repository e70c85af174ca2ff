package dev.cairn.gateway.edge;

import dev.cairn.commons.logging.TraceContext;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity a request carries through the platform: its W3C {@code traceparent} (the client's when well-formed,
 * else a new trace started here, so every upstream call has one) and its {@code X-Request-Id} (the client's when it is
 * a plain token of up to 128 characters, else a new UUID). Computed once per request and kept in its context.
 *
 * @param traceparent the value forwarded upstream
 * @param traceId     its trace id, also the {@code traceId} of the gateway's problem responses
 * @param requestId   the request id, forwarded and echoed to the client
 */
public record RequestIdentity(String traceparent, String traceId, String requestId) {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The W3C trace context header. */
    public static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
    /** The request id header. */
    public static final HeaderName X_REQUEST_ID = HeaderNames.create("X-Request-Id");

    /** The identity of {@code request}, made on first use. */
    public static RequestIdentity of(ServerRequest request) {
        return request.context().get(RequestIdentity.class, RequestIdentity.class).orElseGet(() -> {
            RequestIdentity identity = create(request.headers().first(TRACEPARENT).orElse(null),
                    request.headers().first(X_REQUEST_ID).orElse(null));
            request.context().register(identity);
            return identity;
        });
    }

    /**
     * The trace is the current span's (the gateway's server span, see {@link EdgeFilter}); without one (tracing not
     * set up) the client's {@code traceparent} when well-formed, else a new random one.
     */
    static RequestIdentity create(String traceparent, String requestId) {
        String trace = TraceContext.currentTraceparent();
        if (trace == null) {
            trace = TraceContext.traceIdOf(traceparent).map(id -> traceparent.trim()).orElse(null);
        }
        if (trace == null) {
            byte[] traceId = new byte[16];
            byte[] spanId = new byte[8];
            RANDOM.nextBytes(traceId);
            RANDOM.nextBytes(spanId);
            trace = "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
        }
        String id = requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : UUID.randomUUID().toString();
        return new RequestIdentity(trace, TraceContext.traceIdOf(trace).orElseThrow(), id);
    }
}
