package dev.cairn.gateway;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;

import java.util.List;

/** The API gateway serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class GatewayEndpointsTest implements ServiceEndpointsContract {

    @Inject
    private WebTarget target;

    @Override
    public WebTarget target() {
        return target;
    }

    @Override
    public List<String> requiredDatastores() {
        return List.of(); // the gateway needs no datastore to serve; Redis is optional
    }

    @Override
    public String openApiTitle() {
        return "Cairn API gateway";
    }
}
