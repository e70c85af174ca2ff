package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Last resort: anything no other mapper claims is a 500 whose body says nothing about the code (no class names,
 * no stack trace); the log line carries the full exception and the same trace id as the body.
 */
@Provider
@ApplicationScoped
public class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());

    @Context
    private UriInfo uriInfo;
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        return internalError(exception, uriInfo, headers);
    }

    static Response internalError(Throwable exception, UriInfo uriInfo, HttpHeaders headers) {
        String traceId = ProblemResponses.traceIdOf(headers);
        LOG.log(Level.SEVERE, "Unhandled error (traceId " + traceId + ")", exception);
        Problem problem = ProblemType.INTERNAL.problem(
                "The request could not be completed; report trace id " + traceId + " to the operators");
        return ProblemResponses.of(problem, uriInfo, traceId, Map.of());
    }
}
