package dev.cairn.commons.problem;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * Gives a problem body to error responses that were produced without one, e.g. the 401 and 403 with which the
 * security layer aborts a request before any resource or exception mapper runs. A 401 also gets
 * {@code WWW-Authenticate: Bearer} (RFC 6750) when it has none.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER + 1000)
public class BareErrorResponseFilter extends ProblemMapperSupport implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = new Problem(type.uri(), type.title(), status, detailFor(status), null, null, null);
        var body = respond(problem, Map.of());
        response.setEntity(body.getEntity(), new java.lang.annotation.Annotation[0],
                MediaType.valueOf(Problem.MEDIA_TYPE));
        if (status == 401 && response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cairn\"");
        }
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "Your roles do not allow this request";
            default -> ProblemType.forStatus(status).title();
        };
    }
}
