package dev.cairn.commons.health;

import dev.cairn.commons.runtime.InFlightRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code shutdown}: DOWN as soon as the process starts draining, so load balancers stop sending. */
@Readiness
@ApplicationScoped
public class ShutdownReadinessCheck implements HealthCheck {

    private final InFlightRequests inFlight;

    @Inject
    public ShutdownReadinessCheck(InFlightRequests inFlight) {
        this.inFlight = inFlight;
    }

    /** For CDI proxies only. */
    protected ShutdownReadinessCheck() {
        this.inFlight = null;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("shutdown")
                .status(!inFlight.isDraining())
                .withData("inFlightRequests", inFlight.count())
                .build();
    }
}
