package dev.cairn.analytics;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;

import java.util.List;

/** The analytics service serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class AnalyticsServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> requiredDatastores() {
        return List.of("kafka", "redis");
    }

    @Override
    protected String openApiTitle() {
        return "Cairn analytics service";
    }

    @Override
    protected List<String> catalogueMetrics() {
        return List.of("cairn_http_server_requests_total", "cairn_http_server_request_seconds",
                "cairn_analytics_events_total", "cairn_analytics_anomalies_total",
                "cairn_analytics_consumer_lag", "cairn_redis_command_seconds", "cairn_redis_command_errors_total");
    }
}
