package dev.cairn.user;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;

import java.util.List;

/** The user service serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class UserServiceEndpointsTest implements ServiceEndpointsContract {

    @Inject
    private WebTarget target;

    @Override
    public WebTarget target() {
        return target;
    }

    @Override
    public List<String> requiredDatastores() {
        return List.of("postgres", "rabbitmq", "kafka");
    }

    @Override
    public String openApiTitle() {
        return "Cairn user service";
    }
}
