package dev.cairn.gateway.proxy;

import dev.cairn.commons.json.Json;
import dev.cairn.commons.problem.Problem;
import dev.cairn.commons.problem.ProblemType;
import io.helidon.webserver.http.ServerResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Answers a request with an RFC 9457 problem (the gateway's own errors look like every service's). */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    /**
     * Sends a problem of {@code status} (its standard type) with {@code detail}.
     *
     * @param path    the request path ({@code instance})
     * @param traceId the request's trace id
     */
    public static void send(ServerResponse response, int status, String detail, String path, String traceId) {
        send(response, ProblemType.forStatus(status), status, detail, path, traceId);
    }

    /** Sends a problem of {@code type} with {@code status} (for statuses without a type of their own, e.g. 431). */
    public static void send(ServerResponse response, ProblemType type, int status, String detail, String path, String traceId) {
        Problem problem = new Problem(type.uri(), type.title(), status, detail, safeUri(path), null, traceId);
        response.status(status);
        response.header("Content-Type", Problem.MEDIA_TYPE);
        response.header("Cache-Control", "no-store");
        response.send(Json.write(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static URI safeUri(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
