package dev.cairn.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, as every Cairn endpoint returns it for an error
 * ({@code application/problem+json}).
 *
 * @param type     URI reference that identifies the problem type
 * @param title    short, human-readable summary of the problem type
 * @param status   HTTP status code
 * @param detail   explanation specific to this occurrence
 * @param instance URI reference of the request that failed
 * @param errors   field-level validation errors, or {@code null} when there are none
 * @param traceId  trace id of the request, to find its logs and spans
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type,
                      String title,
                      int status,
                      String detail,
                      URI instance,
                      List<FieldError> errors,
                      String traceId) {

    /** Media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One invalid field of a request.
     *
     * @param field   path of the field, e.g. {@code items[0].quantity}
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }

    /** Copy of this problem with the given request path and trace id. */
    public Problem at(URI instance, String traceId) {
        return new Problem(type, title, status, detail, instance, errors, traceId);
    }
}
