package dev.cairn.user;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;

import java.util.List;

/** The user service serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class UserServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> requiredDatastores() {
        return List.of("postgres", "rabbitmq", "kafka");
    }

    @Override
    protected String openApiTitle() {
        return "Cairn user service";
    }

    @Override
    protected List<String> catalogueMetrics() {
        return List.of("cairn_http_server_requests_total", "cairn_http_server_request_seconds",
                "cairn_outbox_published_total", "cairn_outbox_publish_failures_total",
                "cairn_outbox_backlog", "cairn_db_pool_connections", "cairn_db_pool_acquire_seconds",
                "cairn_db_pool_timeouts_total");
    }
}
