package dev.cairn.gateway.edge;

import dev.cairn.commons.logging.TraceContext;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The identity a request carries through the platform: its W3C {@code traceparent} (the client's when well-formed,
 * else a new trace started here, so every upstream call has one) and its {@code X-Request-Id} (the client's when it is
 * a plain token of up to 128 characters, else a new UUID). Computed once per request and kept in its context. The
 * random ids come from {@link ThreadLocalRandom}, as OpenTelemetry's own ids do: they identify, they authorize nothing,
 * and {@code SecureRandom} (behind {@code UUID.randomUUID()}) cost 2 % of the gateway's CPU at saturation.
 *
 * @param traceparent the value forwarded upstream
 * @param traceId     its trace id, also the {@code traceId} of the gateway's problem responses
 * @param requestId   the request id, forwarded and echoed to the client
 */
public record RequestIdentity(String traceparent, String traceId, String requestId) {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
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
            ThreadLocalRandom.current().nextBytes(traceId);
            ThreadLocalRandom.current().nextBytes(spanId);
            trace = "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
        }
        String id = requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : newRequestId();
        return new RequestIdentity(trace, TraceContext.traceIdOf(trace).orElseThrow(), id);
    }

    /** A random (version 4) UUID. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
