package dev.cairn.gateway;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A route added to the route table file is served within seconds, without a restart; a broken file changes nothing. */
@HelidonTest
class RouteReloadTest {

    @Inject
    WebTarget target;

    @Test
    void theRouteTableFileIsReloadedWhileRunning() throws Exception {
        GatewayClient gateway = new GatewayClient(target.getUri());
        String original = Files.readString(GatewayRig.routesFile());
        assertThat(gateway.get("/fresh/x").statusCode()).isEqualTo(404);
        try {
            Files.writeString(GatewayRig.routesFile(), original.replace("routes:\n",
                    "routes:\n  - { prefix: /fresh, pool: echo }\n"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(gateway.get("/fresh/x").statusCode()).isEqualTo(200));

            Files.writeString(GatewayRig.routesFile(), "routes: [ this is not a table");
            await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(GatewayClient.json(gateway.get("/api/v1/admin/gateway", "Authorization",
                            "Bearer " + GatewayTokens.admin())).get("routeTable").get("lastError").asText())
                            .contains("YAML"));
            assertThat(gateway.get("/fresh/x").statusCode()).as("the last good table stays").isEqualTo(200);
        } finally {
            Files.writeString(GatewayRig.routesFile(), original);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(gateway.get("/fresh/x").statusCode()).isEqualTo(404));
    }
}
