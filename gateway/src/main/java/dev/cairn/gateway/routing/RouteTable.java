package dev.cairn.gateway.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's routing table: routes (longest prefix wins), upstream pools and rate-limit classes. Immutable; a
 * reload builds a new one.
 *
 * @param routes     the routes, longest prefix first
 * @param pools      pools by name
 * @param rateLimits rate-limit classes by name
 * @param corsOrigins origins allowed to call from a browser ({@code *} for any)
 */
public record RouteTable(List<Route> routes, Map<String, PoolSpec> pools, Map<String, RateLimitSpec> rateLimits,
                         List<String> corsOrigins) {

    public RouteTable {
        routes = routes.stream().sorted(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed()).toList();
        pools = Map.copyOf(pools);
        rateLimits = Map.copyOf(rateLimits);
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** The route of {@code path}: the one with the longest matching prefix. */
    public Optional<Route> route(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }
}
