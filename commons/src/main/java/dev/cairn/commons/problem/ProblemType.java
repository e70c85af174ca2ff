package dev.cairn.commons.problem;

import java.net.URI;

/**
 * The problem types Cairn returns. Each has a stable URI (documented in docs/ERRORS.md), a title and a status.
 */
public enum ProblemType {
    BAD_REQUEST("bad-request", "Bad request", 400),
    VALIDATION("validation", "Request validation failed", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON body", 400),
    UNAUTHORIZED("unauthorized", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    UNPROCESSABLE("unprocessable", "Unprocessable request", 422),
    LOCKED("locked", "Locked", 423),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    BAD_GATEWAY("bad-gateway", "Bad gateway", 502),
    UNAVAILABLE("unavailable", "Service unavailable", 503),
    GATEWAY_TIMEOUT("gateway-timeout", "Upstream timed out", 504);

    /** Base of every problem type URI. */
    public static final String BASE_URI = "https://cairn.dev/problems/";

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = URI.create(BASE_URI + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** A problem of this type with the given detail. */
    public Problem problem(String detail) {
        return new Problem(uri, title, status, detail, null, null, null);
    }

    /** The problem type that best fits an HTTP status without a more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION && type != MALFORMED_JSON) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
