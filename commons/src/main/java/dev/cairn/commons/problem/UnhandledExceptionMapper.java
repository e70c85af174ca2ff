package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;
import java.util.logging.Logger;


/**
 * Last resort: anything no other mapper claims. A datastore that cannot be reached is a 503 with
 * {@code Retry-After}; a unique-constraint race is a 409; anything else is a 500 whose body says nothing about the
 * code (no class names, no stack trace) while the log line carries the full exception and the same trace id.
 */
@Provider
@ApplicationScoped
public class UnhandledExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledExceptionMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(Throwable exception) {
        if (DatastoreFailures.isUnavailable(exception)) {
            LOG.warning(() -> "Datastore unavailable: " + exception);
            return respond(ProblemType.UNAVAILABLE.problem("A datastore this service needs is not reachable; try again shortly"),
                    Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
        if (DatastoreFailures.isUniqueViolation(exception)) {
            return respond(ProblemType.CONFLICT.problem("The request conflicts with an existing resource"), Map.of());
        }
        return internalError(exception);
    }
}
