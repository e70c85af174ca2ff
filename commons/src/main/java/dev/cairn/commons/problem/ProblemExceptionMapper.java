package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps every {@link ProblemException} to its problem response. */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    private UriInfo uriInfo;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException exception) {
        return ProblemResponses.of(exception.toProblem(), uriInfo, headers, exception.headers());
    }
}
