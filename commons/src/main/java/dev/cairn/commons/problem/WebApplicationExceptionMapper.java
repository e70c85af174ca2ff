package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps the JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type, ...) to problems,
 * keeping their status and the headers that belong to it ({@code Allow}, {@code Retry-After}, {@code WWW-Authenticate}).
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<WebApplicationException> {

    private static final String[] KEPT_HEADERS = {"Allow", "Retry-After", "WWW-Authenticate", "Location"};

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, detailFor(status, exception), null, null, null);
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = original.getHeaderString(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return respond(problem, kept);
    }

    private String detailFor(int status, WebApplicationException exception) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This path does not accept that HTTP method";
            case 406 -> "No representation matches the Accept header";
            case 413 -> "The request body is larger than allowed";
            case 415 -> "This endpoint does not accept that Content-Type";
            default -> status >= 500 ? "The request could not be completed" : messageOrTitle(exception, status);
        };
    }

    private String messageOrTitle(WebApplicationException exception, int status) {
        String message = exception.getMessage();
        // JAX-RS default messages only repeat the status line ("HTTP 400 Bad Request"): say nothing twice.
        return message == null || message.startsWith("HTTP " + status) ? ProblemType.forStatus(status).title() : message;
    }
}
