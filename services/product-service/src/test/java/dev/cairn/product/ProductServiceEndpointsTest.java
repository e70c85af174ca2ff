package dev.cairn.product;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;

import java.util.List;

/** The product service serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class ProductServiceEndpointsTest implements ServiceEndpointsContract {

    @Inject
    private WebTarget target;

    @Override
    public WebTarget target() {
        return target;
    }

    @Override
    public List<String> requiredDatastores() {
        return List.of("mongo", "redis", "rabbitmq", "kafka");
    }

    @Override
    public String openApiTitle() {
        return "Cairn product service";
    }
}
