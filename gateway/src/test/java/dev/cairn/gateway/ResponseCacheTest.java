package dev.cairn.gateway;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Anonymous GETs the upstream marks public are served from Redis; private, authenticated and no-cache ones are not. */
@HelidonTest
class ResponseCacheTest {

    @Inject
    WebTarget target;

    @Test
    void publicAnonymousReadsAreServedFromTheCache() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        String path = "/catalog/" + UUID.randomUUID() + "?page=1";
        HttpResponse<String> first = gateway.get(path);
        assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
        // kept once the response has gone out, so the very next request may still miss
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(gateway.get(path).headers().firstValue("X-Cache")).contains("HIT"));
        int served = GatewayRig.ECHO.served();
        HttpResponse<String> hit = gateway.get(path);
        assertThat(hit.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(hit.body()).isEqualTo(first.body());
        assertThat(hit.headers().firstValue("Age")).isPresent();
        assertThat(GatewayRig.ECHO.served()).as("the upstream is not asked again").isEqualTo(served);

        assertThat(gateway.get(path.replace("page=1", "page=2")).headers().firstValue("X-Cache")).as("another query")
                .contains("MISS");
        assertThat(gateway.get(path, "Cache-Control", "no-cache").headers().firstValue("X-Cache")).isEmpty();
        assertThat(gateway.get(path, "Authorization", "Bearer " + GatewayTokens.customer(UUID.randomUUID().toString()))
                .headers().firstValue("X-Cache")).as("authenticated reads bypass the cache").isEmpty();
    }

    @Test
    void privateResponsesAreNotKept() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        String path = "/catalog/" + UUID.randomUUID() + "/private";
        gateway.get(path);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(gateway.get(path).headers().firstValue("X-Cache")).contains("MISS"));
    }
}
