package dev.cairn.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * An upstream pool as configured.
 *
 * @param name        pool name, referenced by routes
 * @param strategy    how requests are spread over the instances
 * @param instances   the instances (static list, or DNS names resolved to every address when {@code dns} is set)
 * @param dns         resolve each instance host to all its addresses (Kubernetes headless services), refreshed
 * @param healthPath  path of the active health check
 * @param healthEvery interval of the active health check
 */
public record PoolSpec(String name, Strategy strategy, List<InstanceSpec> instances, boolean dns, String healthPath,
                       Duration healthEvery) {

    /** Load-balancing strategies of CONTRACT.md section 3. */
    public enum Strategy {
        ROUND_ROBIN, WEIGHTED, LEAST_CONN;

        /** {@code round_robin}, {@code weighted} or {@code least_conn}. */
        public static Strategy parse(String value) {
            for (Strategy strategy : values()) {
                if (strategy.name().equalsIgnoreCase(value)) {
                    return strategy;
                }
            }
            throw new IllegalArgumentException("unknown strategy '" + value + "' (round_robin, weighted, least_conn)");
        }
    }

    /**
     * One configured instance.
     *
     * @param url    base URL, e.g. {@code http://127.0.0.1:8081}
     * @param weight relative share for {@code weighted} (1 or more)
     */
    public record InstanceSpec(URI url, int weight) {
    }
}
