package dev.cairn.analytics;

import dev.cairn.testsupport.ServiceEndpointsContract;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;

import java.util.List;

/** The analytics service serves health, readiness over its real datastores, metrics, OpenAPI and problem+json errors. */
@HelidonTest
class AnalyticsServiceEndpointsTest implements ServiceEndpointsContract {

    @Inject
    private WebTarget target;

    @Override
    public WebTarget target() {
        return target;
    }

    @Override
    public List<String> requiredDatastores() {
        return List.of("kafka", "redis");
    }

    @Override
    public String openApiTitle() {
        return "Cairn analytics service";
    }
}
