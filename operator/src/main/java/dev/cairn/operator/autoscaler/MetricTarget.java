package dev.cairn.operator.autoscaler;

import dev.cairn.operator.api.v1alpha1.ScalingMetric;

import java.util.Map;

/**
 * Whose metric to read: a component's pods.
 *
 * @param namespace       the platform's namespace
 * @param deployment      the component's Deployment (its pods are named after it)
 * @param podSelector     labels of the component's pods
 * @param port            the port serving /metrics
 * @param metric          rps or inflight
 * @param gateway         whether the component is the gateway (it has its own request metrics)
 */
public record MetricTarget(String namespace, String deployment, Map<String, String> podSelector, int port,
                           ScalingMetric metric, boolean gateway) {

    /**
     * The Prometheus series the metric is derived from (docs/OBSERVABILITY.md): for rps the request counter, for
     * inflight the sum of request durations, whose rate is the mean number of requests in flight (Little's law),
     * because the catalogue has no in-flight gauge.
     */
    public String seriesName() {
        return switch (metric) {
            case RPS -> gateway ? "cairn_gateway_requests_total" : "cairn_http_server_requests_total";
            case INFLIGHT -> gateway ? "cairn_gateway_request_seconds_sum" : "cairn_http_server_request_seconds_sum";
            case CPU -> throw new IllegalStateException("cpu is scaled by a HorizontalPodAutoscaler");
        };
    }
}
