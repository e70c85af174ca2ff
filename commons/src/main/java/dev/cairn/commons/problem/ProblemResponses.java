package dev.cairn.commons.problem;

import dev.cairn.commons.json.Json;
import dev.cairn.commons.logging.TraceContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Builds {@code application/problem+json} responses, filling in the request path and the trace id. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /**
     * The response for a problem.
     *
     * @param problem the problem (instance and traceId are filled in here)
     * @param uriInfo the request's URI info, or {@code null} outside a request
     * @param headers the request's headers, or {@code null} outside a request
     * @param extra   extra response headers
     */
    public static Response of(Problem problem, UriInfo uriInfo, HttpHeaders headers, Map<String, String> extra) {
        return of(problem, uriInfo, traceIdOf(headers), extra);
    }

    /** The response for a problem whose trace id the caller already knows (and has logged). */
    public static Response of(Problem problem, UriInfo uriInfo, String traceId, Map<String, String> extra) {
        Problem complete = problem.at(instanceOf(uriInfo), traceId);
        Response.ResponseBuilder builder = Response.status(complete.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Json.write(complete));
        extra.forEach(builder::header);
        return builder.build();
    }

    /** The trace id to report: the active span's, else the caller's {@code traceparent}, else a fresh one. */
    public static String traceIdOf(HttpHeaders headers) {
        return TraceContext.currentTraceId()
                .or(() -> TraceContext.traceIdOf(headers == null ? null : safeHeader(headers, "traceparent")))
                .orElseGet(ProblemResponses::newTraceId);
    }

    private static URI instanceOf(UriInfo uriInfo) {
        if (uriInfo == null) {
            return null;
        }
        try {
            return URI.create(uriInfo.getRequestUri().getRawPath());
        } catch (RuntimeException outsideRequestScope) {
            return null;
        }
    }

    private static String safeHeader(HttpHeaders headers, String name) {
        try {
            return headers.getHeaderString(name);
        } catch (RuntimeException outsideRequestScope) {
            return null;
        }
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
