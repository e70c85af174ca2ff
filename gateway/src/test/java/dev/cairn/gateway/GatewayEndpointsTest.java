package dev.cairn.gateway;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;

import java.util.List;

/** The API gateway serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class GatewayEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected List<String> requiredDatastores() {
        return List.of(); // the gateway needs no datastore to serve; Redis is optional
    }

    @Override
    protected String openApiTitle() {
        return "Cairn API gateway";
    }

    @Override
    protected List<String> catalogueMetrics() {
        return List.of("cairn_gateway_requests_total", "cairn_gateway_circuit_state",
                "cairn_gateway_upstream_healthy", "cairn_redis_command_seconds");
    }
}
