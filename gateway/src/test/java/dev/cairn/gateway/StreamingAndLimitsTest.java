package dev.cairn.gateway;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.cairn.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Responses stream through as the upstream writes them (an event stream, 5 MB); rate limits answer 429 with the
 * RateLimit headers, per subject, and keep limiting on local buckets while Redis is away.
 */
@HelidonTest
class StreamingAndLimitsTest {

    @Inject
    WebTarget target;

    @Test
    void serverSentEventsArriveBeforeTheUpstreamFinished() throws Exception {
        GatewayClient gateway = new GatewayClient(target.getUri());
        HttpResponse<InputStream> response = gateway.stream("/stream/updates/sse");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).as("the first event, while the upstream still holds the second")
                    .isEqualTo("data: first");
            GatewayRig.ECHO.release();
            assertThat(events.readLine()).isEmpty();
            assertThat(events.readLine()).isEqualTo("data: second");
        } finally {
            GatewayRig.ECHO.release();
        }
    }

    @Test
    void fiveMegabytesStreamThroughWithoutWaitingForTheEnd() throws Exception {
        GatewayClient gateway = new GatewayClient(target.getUri());
        HttpResponse<InputStream> response = gateway.stream("/stream/file/big");
        try (InputStream body = response.body()) {
            assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(StubUpstream.BIG);
            byte[] firstHalf = body.readNBytes(StubUpstream.BIG / 2);
            assertThat(firstHalf).as("half arrives while the upstream waits to send the rest")
                    .hasSize(StubUpstream.BIG / 2);
            GatewayRig.ECHO.release();
            assertThat(body.readAllBytes()).hasSize(StubUpstream.BIG / 2);
        } finally {
            GatewayRig.ECHO.release();
        }
    }

    @Test
    void overTheLimitIsA429WithRateLimitHeadersPerSubject() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        String token = GatewayTokens.customer(UUID.randomUUID().toString());
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            responses.add(gateway.get("/limited/x", "Authorization", "Bearer " + token));
        }
        assertThat(responses.subList(0, 5)).allSatisfy(ok -> assertThat(ok.statusCode()).isEqualTo(200));
        assertThat(responses.get(0).headers().firstValue("RateLimit-Limit")).contains("5");
        assertThat(responses.get(0).headers().firstValue("RateLimit-Remaining")).contains("4");
        HttpResponse<String> limited = responses.get(6);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 5L);
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(limited.headers().firstValue("RateLimit-Reset")).isPresent();
        assertThat(json(limited).get("status").asInt()).isEqualTo(429);

        String other = GatewayTokens.customer(UUID.randomUUID().toString());
        assertThat(gateway.get("/limited/x", "Authorization", "Bearer " + other).statusCode())
                .as("another user has a budget of their own").isEqualTo(200);
        assertThat(gateway.get("/metrics").body()).contains("cairn_gateway_rate_limited_total");
    }

    @Test
    void withRedisGoneLimitsStillApplyLocally() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        GatewayRig.redisProxy().cut();
        try {
            String token = GatewayTokens.customer(UUID.randomUUID().toString());
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(gateway.get("/limited/x", "Authorization", "Bearer " + token).statusCode());
            }
            assertThat(statuses.subList(0, 5)).containsOnly(200);
            assertThat(statuses.subList(5, 8)).containsOnly(429);
            assertThat(json(gateway.get("/api/v1/admin/gateway", "Authorization", "Bearer " + GatewayTokens.admin()))
                    .get("rateLimiting").get("store").asText()).isEqualTo("local");
        } finally {
            GatewayRig.redisProxy().restore();
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            gateway.get("/limited/x", "Authorization", "Bearer " + GatewayTokens.customer(UUID.randomUUID().toString()));
            assertThat(json(gateway.get("/api/v1/admin/gateway", "Authorization", "Bearer " + GatewayTokens.admin()))
                    .get("rateLimiting").get("store").asText()).isEqualTo("redis");
        });
    }
}
