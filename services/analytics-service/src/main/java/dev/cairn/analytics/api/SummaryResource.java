package dev.cairn.analytics.api;

import dev.cairn.analytics.ingest.Contribution;
import dev.cairn.analytics.store.AnalyticsStore;
import dev.cairn.commons.money.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/analytics/summary}: the platform's activity in the last minute, five minutes or hour (admin). */
@ApplicationScoped
@Path("/api/v1/analytics")
@Tag(name = "analytics")
public class SummaryResource {

    private static final int TOP = 10;

    private final AnalyticsStore store;
    private final Clock clock;

    @Inject
    public SummaryResource(AnalyticsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Orders, revenue, top products, registrations and anomalies of a sliding window")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "400", description = "Unknown window")
    @APIResponse(responseCode = "503", description = "Redis is unavailable")
    public Summary summary(@Parameter(in = ParameterIn.QUERY, description = "1m, 5m (default) or 1h")
                           @QueryParam("window") String window) {
        SummaryWindow chosen = SummaryWindow.parse(window);
        Instant to = clock.instant();
        Instant from = Instant.ofEpochSecond(AnalyticsStore.bucketOf(to.minus(chosen.length())));
        Map<String, Long> counters = store.counters(from, to);
        long created = counters.getOrDefault(Contribution.ORDERS_CREATED, 0L);
        return new Summary(chosen.label(), from, to, created, counters.getOrDefault(Contribution.ORDERS_PAID, 0L),
                Math.round(created * 100.0 / chosen.length().toSeconds() * 60) / 100.0, revenue(counters),
                counters.getOrDefault(Contribution.USERS_REGISTERED, 0L),
                Summary.ProductCount.of(store.topViewed(from, to, TOP)),
                Summary.ProductCount.of(store.topSold(from, to, TOP)),
                store.anomaliesSince(from));
    }

    private static List<Money> revenue(Map<String, Long> counters) {
        return counters.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(Contribution.REVENUE_PREFIX))
                .map(entry -> Money.of(BigDecimal.valueOf(entry.getValue(), Contribution.REVENUE_SCALE),
                        entry.getKey().substring(Contribution.REVENUE_PREFIX.length())))
                .sorted(Comparator.comparing(Money::currency))
                .toList();
    }
}
