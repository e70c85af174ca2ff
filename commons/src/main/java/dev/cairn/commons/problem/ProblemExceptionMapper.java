package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps every {@link ProblemException} to its problem response. */
@Provider
@ApplicationScoped
public class ProblemExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException exception) {
        return respond(exception.toProblem(), exception.headers());
    }
}
