package dev.cairn.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway route table a test platform runs with: the built-in table (gateway-routes.yaml) with the platform's
 * upstream URLs, limits high enough that a suite's own traffic from one address is not throttled, and a strict
 * {@code profile} class that LoadBalancingIT puts on a route of its own to measure. Suites change the
 * file while the platform runs; the gateway re-reads it every 2 s.
 */
final class RouteTable {

    static final int PROFILE_RATE = 2;
    static final int PROFILE_BURST = 5;

    private final Map<String, List<String>> pools;
    private final List<String> extraRoutes;

    private RouteTable(Map<String, List<String>> pools, List<String> extraRoutes) {
        this.pools = pools;
        this.extraRoutes = extraRoutes;
    }

    static RouteTable standard(int portOffset) {
        Map<String, List<String>> pools = new LinkedHashMap<>();
        pools.put("users", List.of("http://127.0.0.1:" + (8081 + portOffset)));
        pools.put("orders", List.of("http://127.0.0.1:" + (8082 + portOffset)));
        pools.put("products", List.of("http://127.0.0.1:" + (8083 + portOffset)));
        pools.put("analytics", List.of("http://127.0.0.1:" + (8084 + portOffset)));
        return new RouteTable(pools, List.of());
    }

    /** The same table with another pool's instances. */
    RouteTable withPool(String pool, List<String> instances) {
        Map<String, List<String>> copy = new LinkedHashMap<>(pools);
        copy.put(pool, instances);
        return new RouteTable(copy, extraRoutes);
    }

    /** The same table with one more route (a YAML flow mapping), placed before the standard ones. */
    RouteTable withRoute(String route) {
        List<String> routes = new ArrayList<>(extraRoutes);
        routes.add(route);
        return new RouteTable(pools, routes);
    }

    String yaml() {
        StringBuilder yaml = new StringBuilder("""
                rateLimits:
                  default: { requestsPerSecond: 5000, burst: 10000 }
                  auth: { requestsPerSecond: 500, burst: 1000 }
                  analytics: { requestsPerSecond: 500, burst: 1000 }
                """);
        yaml.append("  profile: { requestsPerSecond: ").append(PROFILE_RATE).append(", burst: ").append(PROFILE_BURST)
                .append(" }\npools:\n");
        pools.forEach((name, instances) -> {
            yaml.append("  ").append(name).append(":\n    strategy: round_robin\n    instances:\n");
            instances.forEach(url -> yaml.append("      - \"").append(url).append("\"\n"));
        });
        yaml.append("routes:\n");
        extraRoutes.forEach(route -> yaml.append("  - ").append(route).append('\n'));
        yaml.append("""
                  - { prefix: /api/v1/auth/login, pool: users, auth: none, rateLimit: auth, retries: 0 }
                  - { prefix: /api/v1/auth/register, pool: users, auth: none, rateLimit: auth, retries: 0 }
                  - { prefix: /api/v1/auth, pool: users, auth: none, retries: 0 }
                  - { prefix: /oauth2, pool: users, auth: none, rateLimit: auth, retries: 0 }
                  - { prefix: /.well-known, pool: users, auth: none }
                  - { prefix: /api/v1/users, pool: users, auth: required }
                  - { prefix: /api/v1/audit, pool: users, roles: [admin] }
                  - { prefix: /api/v1/products, pool: products, auth: optional, cache: true }
                  - { prefix: /api/v2/products, pool: products, auth: optional, cache: true }
                  - { prefix: /api/v1/inventory, pool: orders, auth: optional }
                  - { prefix: /api/v1/orders, pool: orders, auth: required, timeout: 30s }
                  - { prefix: /api/v1/admin/dlq, pool: orders, roles: [admin] }
                  - { prefix: /api/v1/analytics, pool: analytics, roles: [admin], rateLimit: analytics }
                """);
        return yaml.toString();
    }
}
