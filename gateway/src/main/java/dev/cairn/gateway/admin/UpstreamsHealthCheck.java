package dev.cairn.gateway.admin;

import dev.cairn.gateway.GatewayRuntime;
import dev.cairn.gateway.upstream.UpstreamPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;
import java.util.Locale;

/**
 * Shows each upstream pool in {@code /health/ready}: its circuit breaker state and how many instances are available,
 * e.g. {@code orders: "closed, 2/2 available"}. Always UP: the gateway can still answer (with 503 problems) when an
 * upstream is down, and must not be taken out of the load balancer for it.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    private final GatewayRuntime gateway;

    @Inject
    public UpstreamsHealthCheck(GatewayRuntime gateway) {
        this.gateway = gateway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
        if (gateway.upstreams() != null) {
            Instant now = Instant.now();
            for (UpstreamPool pool : gateway.upstreams().pools()) {
                long available = pool.instances().stream().filter(instance -> instance.available(now)).count();
                builder.withData(pool.name(), pool.breaker().state().name().toLowerCase(Locale.ROOT) + ", " + available
                        + "/" + pool.instances().size() + " available");
            }
        }
        return builder.build();
    }
}
