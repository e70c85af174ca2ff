package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.Optional;

/**
 * Lets resources return {@code Optional<T>}: an empty one becomes the shared 404 problem, a present one is
 * written as its value. No resource needs its own {@code if (x == null) return 404}.
 */
@Provider
@ApplicationScoped
public class OptionalEntityFilter extends ProblemMapperSupport implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Optional<?> optional)) {
            return;
        }
        if (optional.isPresent()) {
            Object value = optional.get();
            response.setEntity(value, response.getEntityAnnotations(), response.getMediaType());
            return;
        }
        var notFound = respond(ProblemType.NOT_FOUND.problem("No resource at this path"), Map.of());
        response.setStatus(notFound.getStatus());
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.setEntity(notFound.getEntity());
    }
}
