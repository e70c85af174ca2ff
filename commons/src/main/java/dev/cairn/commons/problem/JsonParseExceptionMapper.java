package dev.cairn.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** A body that is not JSON at all: 400 with the line and column where parsing stopped. */
@Provider
@ApplicationScoped
@Priority(Priorities.USER - 100)
public class JsonParseExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<JsonParseException> {

    @Override
    public Response toResponse(JsonParseException exception) {
        var location = exception.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return respond(ProblemType.MALFORMED_JSON.problem("The body is not valid JSON" + where), Map.of());
    }
}
