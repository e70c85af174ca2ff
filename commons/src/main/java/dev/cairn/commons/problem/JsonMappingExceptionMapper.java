package dev.cairn.commons.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;

/**
 * JSON that does not fit the expected shape: unknown field, wrong type, missing body. 400 with the offending field
 * in {@code errors[]}. A server-side mapping defect ({@link InvalidDefinitionException}) is a 500 instead.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER - 100)
public class JsonMappingExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<JsonMappingException> {

    @Override
    public Response toResponse(JsonMappingException exception) {
        if (exception instanceof InvalidDefinitionException) {
            return internalError(exception);
        }
        return respond(problemFor(exception), Map.of());
    }

    /** The problem that describes a JSON mapping failure of a request body. */
    public static Problem problemFor(JsonMappingException exception) {
        String field = pathOf(exception);
        String message = messageFor(exception);
        if (field.isEmpty()) {
            return ProblemType.MALFORMED_JSON.problem(message);
        }
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title(), 400,
                field + ": " + message, null, List.of(new Problem.FieldError(field, message)), null);
    }

    private static String messageFor(JsonMappingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (exception instanceof InvalidFormatException invalid) {
            return "expected " + describe(invalid.getTargetType());
        }
        if (exception instanceof MismatchedInputException mismatched) {
            if (exception.getPath().isEmpty() && exception.getMessage() != null
                    && exception.getMessage().contains("end-of-input")) {
                return "A JSON body is required";
            }
            return "expected " + describe(mismatched.getTargetType());
        }
        return "invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class && type != char.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum() || CharSequence.class.isAssignableFrom(type)) {
            return type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.getName().startsWith("java.time.") || type == java.util.UUID.class) {
            return "a valid " + type.getSimpleName();
        }
        return "an object";
    }

    private static String pathOf(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
