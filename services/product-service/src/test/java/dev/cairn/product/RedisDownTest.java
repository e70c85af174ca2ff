package dev.cairn.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.cairn.product.ProductApi.admin;
import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** With Redis unreachable the catalog reads and writes from MongoDB and stays ready (Redis reported as DOWN, optional). */
@HelidonTest
@AddConfig(key = "cairn.redis.url", value = "redis://127.0.0.1:1")
class RedisDownTest {

    @Inject
    WebTarget target;

    @Test
    void catalogWorksWithoutRedis() {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("NR"), "No Redis", ProductApi.category("noredis"), "3.00")).get("id").asText();
        expect(api.request("/api/v1/products/" + id, null).get(), 200);
        expect(api.request("/api/v1/products/" + id, admin()).method("PATCH", Entity.json(Map.of("name", "Still works"))), 200);
        assertThat(json(expect(api.request("/api/v2/products/" + id, null).get(), 200)).get("name").asText())
                .isEqualTo("Still works");
        expect(api.request("/api/v1/products?category=noredis", null).get(), 200);
    }

    @Test
    void readinessStaysUpAndReportsRedis() {
        var response = target.path("/health/ready").request().get();
        String body = response.readEntity(String.class);
        assertThat(response.getStatus()).as(body).isEqualTo(200);
        assertThat(body).contains("redis").contains("DOWN (optional)");
    }
}
