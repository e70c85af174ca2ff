package dev.cairn.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.cairn.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The circuit breaker opens on a failing upstream, answers 503 without calling it, and closes after recovery. */
@HelidonTest
class ResilienceTest {

    @Inject
    WebTarget target;

    @Test
    void theBreakerOpensOnFailuresAndClosesAfterRecovery() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        GatewayRig.FLAKY.failing(true);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(gateway.get("/flaky/x").statusCode()).isEqualTo(500);
            }
            int servedWhenOpened = GatewayRig.FLAKY.served();
            HttpResponse<String> open = gateway.get("/flaky/x");
            assertThat(open.statusCode()).isEqualTo(503);
            assertThat(open.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(Long.parseLong(open.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
            assertThat(json(open).get("detail").asText()).contains("circuit open");
            for (int i = 0; i < 10; i++) {
                assertThat(gateway.get("/flaky/x").statusCode()).isEqualTo(503);
            }
            assertThat(GatewayRig.FLAKY.served()).as("nothing reaches the upstream while open").isEqualTo(servedWhenOpened);
            assertThat(breakerState(gateway)).isEqualTo("open");
            HttpResponse<String> health = gateway.get("/health/ready");
            assertThat(health.statusCode()).as("an open circuit does not make the gateway unready").isEqualTo(200);
            assertThat(health.body()).contains("upstreams").contains("\"flaky\":\"open, 1/1 available\"");
        } finally {
            GatewayRig.FLAKY.failing(false);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(gateway.get("/flaky/x").statusCode()).isEqualTo(200));
        assertThat(gateway.get("/flaky/x").statusCode()).isEqualTo(200);
        assertThat(breakerState(gateway)).isEqualTo("closed");
        String metrics = gateway.get("/metrics").body();
        assertThat(metrics).contains("cairn_gateway_circuit_state{").contains("cairn_gateway_upstream_healthy{")
                .contains("cairn_gateway_requests_total{").contains("cairn_gateway_request_seconds_bucket{");
    }

    @Test
    void anIdempotentRequestWhoseUpstreamConnectionBrokeBeforeTheStatusLineIsTriedAgainOnTheSameInstance() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        GatewayRig.GARBLED.garble(1);
        HttpResponse<String> retried = gateway.get("/garbled/x");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo("{\"ok\":true}");
        assertThat(GatewayRig.GARBLED.garbledRequests()).isEqualTo(2);

        GatewayRig.GARBLED.garble(2);
        HttpResponse<String> failed = gateway.get("/garbled/x");
        assertThat(failed.statusCode()).as("one retry (the route's retries: 1), then a 502 problem").isEqualTo(502);
        assertThat(failed.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(GatewayRig.GARBLED.garbledRequests()).isEqualTo(2);

        GatewayRig.GARBLED.garble(1);
        HttpResponse<String> posted = gateway.send(java.net.http.HttpRequest.newBuilder(target.getUri().resolve("/garbled/x"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")), "Content-Type", "application/json");
        assertThat(posted.statusCode()).as("a POST may have had its effect: not repeated").isEqualTo(502);
        assertThat(GatewayRig.GARBLED.garbledRequests()).isEqualTo(1);
        GatewayRig.GARBLED.garble(0);
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIsA504() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        try {
            HttpResponse<String> slow = gateway.get("/slow/hold");
            assertThat(slow.statusCode()).isEqualTo(504);
            assertThat(json(slow).get("detail").asText()).contains("300 ms");
        } finally {
            GatewayRig.ECHO.release();
        }
    }

    private static String breakerState(GatewayClient gateway) {
        JsonNode view = json(gateway.get("/api/v1/admin/gateway", "Authorization", "Bearer " + GatewayTokens.admin()));
        for (JsonNode pool : view.get("pools")) {
            if (pool.get("name").asText().equals("flaky")) {
                return pool.get("circuit").asText();
            }
        }
        throw new AssertionError("no flaky pool in " + view);
    }
}
