package dev.cairn.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.ApiClient;
import dev.cairn.testsupport.TestTokens;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The order service's API as tests call it, with tokens it trusts ({@link TestTokens#shared()}). */
public final class OrderApi extends ApiClient {

    public OrderApi(WebTarget target) {
        super(target);
    }

    /** A customer: id and access token. */
    public record Customer(String id, String token) {
    }

    public static Customer customer() {
        String id = UUID.randomUUID().toString();
        return new Customer(id, TestTokens.shared().accessToken(id, id + "@test.cairn.dev", "customer"));
    }

    public static String admin() {
        return TestTokens.shared().accessToken(UUID.randomUUID().toString(), "admin@test.cairn.dev", "admin", "customer");
    }

    /** A valid order body for one product. */
    public static Map<String, Object> order(String productId, int quantity, String paymentToken) {
        return Map.of("items", List.of(Map.of("productId", productId, "quantity", quantity)),
                "paymentToken", paymentToken,
                "shippingAddress", Map.of("name", "Ada Lovelace", "line1", "1 Analytical Way", "postalCode", "10115",
                        "city", "Berlin", "country", "DE"));
    }

    /** Sets a product's stock as an admin. */
    public void stock(String productId, int available) {
        expect(request("/api/v1/inventory/" + productId, admin()).put(Entity.json(Map.of("available", available))), 200);
    }

    public JsonNode stockOf(String productId) {
        return json(expect(request("/api/v1/inventory/" + productId, null).get(), 200));
    }

    /** POSTs an order with a fresh Idempotency-Key. */
    public Response place(Customer customer, Map<String, Object> body) {
        return place(customer, body, UUID.randomUUID().toString());
    }

    public Response place(Customer customer, Map<String, Object> body, String key) {
        return request("/api/v1/orders", customer.token()).header("Idempotency-Key", key).post(Entity.json(body));
    }

    /** Places the order and returns its id. */
    public String placed(Customer customer, Map<String, Object> body) {
        return json(expect(place(customer, body), 202)).get("id").asText();
    }

    public JsonNode get(Customer customer, String orderId) {
        return json(expect(request("/api/v1/orders/" + orderId, customer.token()).get(), 200));
    }

    /** Waits until the saga has finished with the order (a status other than PENDING) and returns it. */
    public JsonNode settled(Customer customer, String orderId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !get(customer, orderId).get("status").asText().equals("PENDING"));
        return get(customer, orderId);
    }

    /** Waits for the order to reach {@code status}. */
    public JsonNode awaitStatus(Customer customer, String orderId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(get(customer, orderId).get("status").asText()).isEqualTo(status));
        return get(customer, orderId);
    }
}
