package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testsupport.ProductCatalogStub;
import dev.cairn.testsupport.ServiceJvm;
import dev.cairn.testsupport.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kill and resume: an order-service process halts (like a crash) right after its saga reserved the stock; a new
 * instance takes the saga over when the lease expires and finishes it, with stock and payment consistent.
 */
@Order(0) // before the suites that share one platform: two platforms on one PostgreSQL share relay leadership
class OrderSagaResumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSagaInterruptedAfterReservingIsFinishedByAnotherInstance() throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "CAIRN_AUTH_JWKS_URL", TestTokens.sharedJwksFile(),
                "CAIRN_PRODUCTS_URL", ProductCatalogStub.shared().url(),
                "CAIRN_ORDERS_SAGA_LEASE", "3s",
                "CAIRN_ORDERS_SAGA_POLL_INTERVAL", "500ms"));
        String admin = TestTokens.shared().accessToken(UUID.randomUUID().toString(), "admin@test.cairn.dev", "admin");
        String customerId = UUID.randomUUID().toString();
        String customer = TestTokens.shared().accessToken(customerId, customerId + "@test.cairn.dev", "customer");
        String product = ProductCatalogStub.shared().add("Resumable", "7.00", "EUR");
        String orderId;

        Map<String, String> crashing = new HashMap<>(environment);
        crashing.put("CAIRN_ORDERS_SAGA_HALT_AFTER", "RESERVE");
        ServiceJvm first = ServiceJvm.start("order-service", crashing, Duration.ofMinutes(2));
        try {
            assertThat(send(first, "PUT", "/api/v1/inventory/" + product, admin, "{\"available\":5}").statusCode()).isEqualTo(200);
            HttpResponse<String> placed = send(first, "POST", "/api/v1/orders", customer,
                    "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":2}],\"paymentToken\":\"tok_ok\","
                            + "\"shippingAddress\":{\"name\":\"Ada\",\"line1\":\"1 Way\",\"postalCode\":\"10115\","
                            + "\"city\":\"Berlin\",\"country\":\"DE\"}}",
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
            orderId = JSON.readTree(placed.body()).get("id").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> !first.isAlive());
        } finally {
            first.close();
        }

        try (ServiceJvm second = ServiceJvm.start("order-service", environment, Duration.ofMinutes(2))) {
            JsonNode stockWhileHeld = JSON.readTree(send(second, "GET", "/api/v1/inventory/" + product, null, null).body());
            assertThat(stockWhileHeld.get("available").asInt() + stockWhileHeld.get("reserved").asInt()).isEqualTo(5);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode order = JSON.readTree(send(second, "GET", "/api/v1/orders/" + orderId, customer, null).body());
                assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
            });
            JsonNode stock = JSON.readTree(send(second, "GET", "/api/v1/inventory/" + product, null, null).body());
            assertThat(stock.get("available").asInt()).isEqualTo(3);
            assertThat(stock.get("reserved").asInt()).isEqualTo(2);
            JsonNode history = JSON.readTree(send(second, "GET", "/api/v1/orders/" + orderId + "/history", customer, null).body());
            assertThat(history).extracting(event -> event.get("type").asText()).containsExactly("order.created", "order.paid");
        }
    }

    private static HttpResponse<String> send(ServiceJvm instance, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return Http.send(instance.baseUrl(), method, path, token, body);
    }

    private static HttpResponse<String> send(ServiceJvm instance, String method, String path, String token, String body,
                                             Map<String, String> headers) throws IOException, InterruptedException {
        return Http.send(instance.baseUrl(), method, path, token, body, headers);
    }
}
