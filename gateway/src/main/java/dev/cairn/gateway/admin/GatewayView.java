package dev.cairn.gateway.admin;

import dev.cairn.commons.json.Json;
import dev.cairn.gateway.ratelimit.RateLimiter;
import dev.cairn.gateway.routing.Route;
import dev.cairn.gateway.routing.RouteTableSource;
import dev.cairn.gateway.upstream.Instance;
import dev.cairn.gateway.upstream.UpstreamPool;
import dev.cairn.gateway.upstream.Upstreams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/v1/admin/gateway} (admin): the route table in use (where from, when loaded, why a newer file was
 * refused), every route, every pool with its strategy, breaker state and instances (healthy, ejected, in flight, last
 * problem), and whether rate limiting is shared through Redis or local right now.
 */
public final class GatewayView {

    private final RouteTableSource table;
    private final Upstreams upstreams;
    private final RateLimiter limiter;
    private final Clock clock;

    public GatewayView(RouteTableSource table, Upstreams upstreams, RateLimiter limiter, Clock clock) {
        this.table = table;
        this.upstreams = upstreams;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** The view as JSON bytes. */
    public byte[] render() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("routeTable", Map.of("origin", table.origin(), "loadedAt", table.loadedAt().toString(),
                "reloads", table.reloads(), "lastError", table.lastError()));
        view.put("routes", table.get().routes().stream().map(GatewayView::route).toList());
        view.put("pools", upstreams.pools().stream().sorted(Comparator.comparing(UpstreamPool::name))
                .map(this::pool).toList());
        view.put("rateLimiting", Map.of("store", limiter.usingFallback() ? "local" : "redis",
                "classes", table.get().rateLimits().values()));
        view.put("corsOrigins", table.get().corsOrigins());
        return Json.write(view).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> route(Route route) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("prefix", route.prefix());
        entry.put("pool", route.pool());
        entry.put("auth", route.auth().name().toLowerCase(Locale.ROOT));
        entry.put("roles", route.roles().stream().sorted().toList());
        entry.put("rateLimit", route.rateLimit());
        entry.put("timeoutMillis", route.timeout().toMillis());
        entry.put("retries", route.retries());
        return entry;
    }

    private Map<String, Object> pool(UpstreamPool pool) {
        Instant now = clock.instant();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", pool.name());
        entry.put("strategy", pool.spec().strategy().name().toLowerCase(Locale.ROOT));
        entry.put("circuit", pool.breaker().state().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> instances = pool.instances().stream().map(instance -> instance(instance, now)).toList();
        entry.put("instances", instances);
        return entry;
    }

    private static Map<String, Object> instance(Instance instance, Instant now) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("url", instance.url().toString());
        entry.put("weight", instance.weight());
        entry.put("healthy", instance.healthy());
        entry.put("available", instance.available(now));
        entry.put("inFlight", instance.inFlight());
        entry.put("lastProblem", instance.lastProblem());
        return entry;
    }
}
