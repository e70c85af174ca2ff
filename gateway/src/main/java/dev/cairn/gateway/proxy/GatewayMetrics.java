package dev.cairn.gateway.proxy;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.gateway.upstream.Instance;
import dev.cairn.gateway.upstream.UpstreamPool;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's metrics: {@code cairn_gateway_requests_total{route, method, status}},
 * {@code cairn_gateway_request_seconds{route, upstream}} (histogram), {@code cairn_gateway_rate_limited_total{route,
 * class}}, {@code cairn_gateway_circuit_state{pool}} (0 closed, 1 open, 2 half-open) and
 * {@code cairn_gateway_upstream_healthy{pool, instance}} (1 or 0).
 */
public final class GatewayMetrics {

    private final MetricRegistry registry;
    private final Set<String> gauges = ConcurrentHashMap.newKeySet();

    public GatewayMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** A request was answered ({@code route} is the matched prefix, or {@code none}). */
    public void request(String route, String method, int status, String upstream, Duration elapsed) {
        Meters.counter(registry, "cairn_gateway_requests_total", new Tag("route", route), new Tag("method", method),
                new Tag("status", Integer.toString(status))).inc();
        if (upstream != null) {
            Meters.timer(registry, "cairn_gateway_request_seconds", new Tag("route", route), new Tag("upstream", upstream))
                    .update(elapsed);
        }
    }

    public void rateLimited(String route, String limitClass) {
        Meters.counter(registry, "cairn_gateway_rate_limited_total", new Tag("route", route), new Tag("class", limitClass)).inc();
    }

    /** Registers the state gauges of pools and instances not seen before. */
    public void watch(Collection<UpstreamPool> pools) {
        for (UpstreamPool pool : pools) {
            if (gauges.add("pool|" + pool.name())) {
                Meters.gauge(registry, "cairn_gateway_circuit_state", pool, p -> p.breaker().state().code(), new Tag("pool", pool.name()));
            }
            for (Instance instance : pool.instances()) {
                if (gauges.add("instance|" + pool.name() + "|" + instance.url())) {
                    Meters.gauge(registry, "cairn_gateway_upstream_healthy", instance, i -> i.healthy() ? 1 : 0,
                            new Tag("pool", pool.name()), new Tag("instance", instance.url().toString()));
                }
            }
        }
    }
}
