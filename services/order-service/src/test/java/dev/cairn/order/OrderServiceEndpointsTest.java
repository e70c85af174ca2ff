package dev.cairn.order;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;

import java.util.List;

/** The order service serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class OrderServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> requiredDatastores() {
        return List.of("postgres", "redis", "rabbitmq", "kafka");
    }

    @Override
    protected String openApiTitle() {
        return "Cairn order service";
    }

    @Override
    protected List<String> catalogueMetrics() {
        return List.of("cairn_http_server_requests_total", "cairn_http_server_request_seconds", "cairn_orders_total",
                "cairn_outbox_published_total", "cairn_outbox_backlog", "cairn_dlq_depth", "cairn_db_pool_connections",
                "cairn_db_pool_max_connections", "cairn_db_pool_acquire_seconds", "cairn_db_pool_usage_seconds",
                "cairn_db_pool_timeouts_total");
    }
}
