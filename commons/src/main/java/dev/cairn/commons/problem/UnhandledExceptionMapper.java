package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;


/**
 * Last resort: anything no other mapper claims is a 500 whose body says nothing about the code (no class names,
 * no stack trace); the log line carries the full exception and the same trace id as the body.
 */
@Provider
@ApplicationScoped
public class UnhandledExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception);
    }
}
