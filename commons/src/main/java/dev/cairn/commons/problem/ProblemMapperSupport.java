package dev.cairn.commons.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Base of Cairn's exception mappers and filters: knows the current request, so problems carry its path and trace id. */
public abstract class ProblemMapperSupport {

    private static final Logger LOG = Logger.getLogger(ProblemMapperSupport.class.getName());

    @Context
    private UriInfo uriInfo;
    @Context
    private HttpHeaders headers;

    /** The problem response for the current request. */
    protected Response respond(Problem problem, Map<String, String> extraHeaders) {
        return ProblemResponses.of(problem, uriInfo, headers, extraHeaders);
    }

    /** The problem response for the current request, with a trace id the caller already logged. */
    protected Response respond(Problem problem, String traceId) {
        return ProblemResponses.of(problem, uriInfo, traceId, Map.of());
    }

    /**
     * The 500 for an error no mapper expected: the log line carries the exception and the trace id, the body only
     * the trace id.
     */
    protected Response internalError(Throwable exception) {
        String traceId = traceId();
        LOG.log(Level.SEVERE, "Unhandled error (traceId " + traceId + ")", exception);
        return respond(ProblemType.INTERNAL.problem(
                "The request could not be completed; report trace id " + traceId + " to the operators"), traceId);
    }

    /** The trace id of the current request. */
    protected String traceId() {
        return ProblemResponses.traceIdOf(headers);
    }
}
