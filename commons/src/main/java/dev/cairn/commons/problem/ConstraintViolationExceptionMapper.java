package dev.cairn.commons.problem;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Maps Bean Validation failures to a 400 problem with one entry in {@code errors[]} per invalid field. */
@Provider
@ApplicationScoped
@Priority(Priorities.USER - 100)
public class ConstraintViolationExceptionMapper extends ProblemMapperSupport implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<Problem.FieldError> errors = fieldErrors(exception);
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        Problem problem = ProblemType.VALIDATION.problem(detail);
        problem = new Problem(problem.type(), problem.title(), problem.status(), detail, null, errors, null);
        return respond(problem, Map.of());
    }

    /** The field errors of a violation set, sorted by field for a stable output. */
    public static List<Problem.FieldError> fieldErrors(ConstraintViolationException exception) {
        return exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
    }

    /**
     * The client-facing name of the violated field: the path without the Java method and parameter
     * ({@code create.arg0.email} becomes {@code email}; a violated query parameter keeps its own name).
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> append(field, node);
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter == null ? "body" : parameter;
    }

    private static void append(StringBuilder field, Path.Node node) {
        if (node.isInIterable()) {
            Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
            field.append('[').append(position == null ? "" : position).append(']');
        }
        if (node.getName() != null) {
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
    }
}
