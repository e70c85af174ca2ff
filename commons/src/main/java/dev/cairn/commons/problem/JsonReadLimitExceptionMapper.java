package dev.cairn.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/**
 * A body Jackson refuses to read that is neither a syntax error nor a mapping error: a number longer than the parser's
 * limit, nesting deeper than it allows, a number too large for its field. The client sent it, so 400, not 500. Other
 * processing errors (writing a response) stay internal errors.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER - 100)
public class JsonReadLimitExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof StreamConstraintsException || exception instanceof StreamReadException) {
            return respond(ProblemType.MALFORMED_JSON.problem("The body cannot be read: " + exception.getOriginalMessage()),
                    Map.of());
        }
        return internalError(exception);
    }
}
