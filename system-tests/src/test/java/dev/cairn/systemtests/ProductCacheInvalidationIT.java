package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testsupport.ServiceJvm;
import dev.cairn.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two product-service instances share MongoDB and Redis. Each caches products in-process; a write on one must
 * reach the other's cache through the {@code cairn.cache.invalidate} channel, so the next read there is fresh.
 */
@Order(0) // before the suites that share one platform: two platforms on one PostgreSQL share relay leadership
class ProductCacheInvalidationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceJvm first;
    private static ServiceJvm second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Map<String, String> environment = Map.of("CAIRN_AUTH_JWKS_URL", TestTokens.sharedJwksFile(),
                // A long in-process TTL: only an invalidation message can make the second instance see a change.
                "CAIRN_PRODUCTS_CACHE_L1_TTL", "10m");
        first = ServiceJvm.start("product-service", environment, Duration.ofMinutes(2));
        second = ServiceJvm.start("product-service", environment, Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void aChangeOnOneInstanceIsSeenOnTheOther() throws Exception {
        String admin = TestTokens.shared().accessToken(UUID.randomUUID().toString(), "admin@test.cairn.dev", "admin");
        String sku = "INV-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(first, "POST", "/api/v1/products", admin,
                "{\"sku\":\"" + sku + "\",\"name\":\"Original\",\"category\":\"invalidation\",\"price\":1,\"currency\":\"EUR\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();

        assertThat(name(second, id)).isEqualTo("Original");
        assertThat(name(second, id)).isEqualTo("Original");

        HttpResponse<String> patched = send(first, "PATCH", "/api/v1/products/" + id, admin, "{\"name\":\"Renamed\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(name(second, id)).isEqualTo("Renamed"));

        assertThat(send(first, "DELETE", "/api/v1/products/" + id, admin, null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(send(second, "GET", "/api/v1/products/" + id, null, null).statusCode()).isEqualTo(404));
    }

    private static String name(ServiceJvm instance, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = send(instance, "GET", "/api/v1/products/" + id, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode product = JSON.readTree(response.body());
        return product.get("name").asText();
    }

    private static HttpResponse<String> send(ServiceJvm instance, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return Http.send(instance.baseUrl(), method, path, token, body);
    }
}
