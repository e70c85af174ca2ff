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
}
