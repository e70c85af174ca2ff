package dev.cairn.commons.runtime;

import dev.cairn.commons.problem.ProblemMapperSupport;
import dev.cairn.commons.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.util.Map;

/** Tracks every API request in {@link InFlightRequests}; while draining, answers 503 and closes the connection. */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 500)
public class DrainingFilter extends ProblemMapperSupport implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String ENTERED = DrainingFilter.class.getName() + ".entered";

    private final InFlightRequests inFlight;

    @Inject
    public DrainingFilter(InFlightRequests inFlight) {
        this.inFlight = inFlight;
    }

    /** For CDI proxies only. */
    protected DrainingFilter() {
        this.inFlight = null;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (inFlight.tryEnter()) {
            request.setProperty(ENTERED, Boolean.TRUE);
            return;
        }
        request.abortWith(respond(ProblemType.UNAVAILABLE.problem("This instance is shutting down; retry the request"),
                Map.of("Retry-After", "1", "Connection", "close")));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ENTERED) != null) {
            request.removeProperty(ENTERED);
            inFlight.exit();
        }
    }
}
