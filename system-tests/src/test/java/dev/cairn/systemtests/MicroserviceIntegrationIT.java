package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform as its users rely on it, driven only through the gateway (and {@code /metrics}): accounts, the
 * catalog, an order from browsing to shipping, its events reaching every consumer, metrics and traces.
 */
@Order(1)
@ExtendWith(SharedPlatform.class)
class MicroserviceIntegrationIT {

    private static final SuiteReport REPORT = new SuiteReport("MicroserviceIntegrationIT");

    @BeforeAll
    static void platform(Platform platform) {
        REPORT.fact("platform startup s", platform.startup().toMillis() / 1000.0);
    }

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    @Test
    void gatewayRespondsWithItsHeadersAndProblemsForUnknownRoutes(Platform platform) {
        HttpResponse<String> health = platform.call("GET", "/health/ready", null, null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        HttpResponse<String> catalog = platform.call("GET", "/api/v2/products?limit=1", null, null);
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(catalog.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(catalog.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(catalog.headers().firstValue("Server")).isEmpty();
        HttpResponse<String> unknown = platform.call("GET", "/api/v1/nothing-here", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        REPORT.count("requests", 3);
    }

    @Test
    void aUserRegistersAuthenticatesAndIsRefusedWithWrongCredentials(Platform platform) {
        Platform.Customer customer = platform.newCustomer("ada");
        HttpResponse<String> again = platform.call("POST", "/api/v1/auth/register", null,
                "{\"email\":\"" + customer.email().toUpperCase() + "\",\"password\":\"another long password\",\"name\":\"Ada\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        HttpResponse<String> wrong = platform.call("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + customer.email() + "\",\"password\":\"not the password at all\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> me = platform.call("GET", "/api/v1/users/me", customer.token(), null);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Platform.json(me).get("id").asText()).isEqualTo(customer.id());
        assertThat(Platform.json(me).get("roles")).extracting(JsonNode::asText).containsExactly("customer");
        assertThat(platform.call("GET", "/api/v1/users/me", null, null).statusCode()).isEqualTo(401);
        assertThat(platform.call("GET", "/api/v1/users", customer.token(), null).statusCode()).isEqualTo(403);
        REPORT.count("users registered", 1);
    }

    @Test
    void anOrderGoesFromBrowsingToConfirmedToShippedWithItsHistory(Platform platform) {
        Platform.Customer customer = platform.newCustomer("buyer");
        String name = "Espresso Grinder " + UUID.randomUUID().toString().substring(0, 8);
        String product = platform.newProduct(name, "42.50", "kitchen");
        platform.setStock(product, 5);

        HttpResponse<String> search = platform.call("GET", "/api/v2/products?q="
                + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&limit=5", customer.token(), null);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(Platform.json(search).get("items")).extracting(item -> item.get("id").asText()).contains(product);

        String key = UUID.randomUUID().toString();
        String body = Platform.orderBody(product, 2, "tok_ok");
        HttpResponse<String> placed = platform.call("POST", "/api/v1/orders", customer.token(), body,
                Map.of("Idempotency-Key", key));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        assertThat(placed.headers().firstValue("Location")).isPresent();
        String orderId = Platform.json(placed).get("id").asText();
        HttpResponse<String> replayed = platform.call("POST", "/api/v1/orders", customer.token(), body,
                Map.of("Idempotency-Key", key));
        assertThat(Platform.json(replayed).get("id").asText()).as("the same key places no second order").isEqualTo(orderId);

        JsonNode order = platform.awaitConfirmed(customer.token(), orderId);
        assertThat(order.get("total").get("amount").asText()).isEqualTo("85.00");
        assertThat(platform.stock(product).get("available").asInt()).isEqualTo(3);
        assertThat(platform.stock(product).get("reserved").asInt()).isEqualTo(2);

        assertThat(platform.call("POST", "/api/v1/orders/" + orderId + "/ship", customer.token(), null).statusCode())
                .as("customers do not ship").isEqualTo(403);
        HttpResponse<String> shipped = platform.call("POST", "/api/v1/orders/" + orderId + "/ship", platform.admin(), null);
        assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
        HttpResponse<String> history = platform.call("GET", "/api/v1/orders/" + orderId + "/history", customer.token(), null);
        assertThat(Platform.json(history)).extracting(event -> event.get("type").asText())
                .containsExactly("order.created", "order.paid", "order.shipped");
        HttpResponse<String> mine = platform.call("GET", "/api/v1/orders", customer.token(), null);
        assertThat(Platform.json(mine).get("items")).extracting(item -> item.get("id").asText()).containsExactly(orderId);
        assertThat(platform.stock(product).get("reserved").asInt()).as("shipping commits the stock").isZero();
        REPORT.count("orders", 1);
    }

    @Test
    void theCatalogSearchesPagesAndKeepsReviewsInBothApiVersions(Platform platform) {
        String category = "st" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            ids.add(platform.newProduct("Paged item " + i, i + "0.00", category));
        }
        Set<String> seen = new HashSet<>();
        List<Double> prices = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = platform.call("GET", "/api/v2/products?category=" + category + "&sort=price&limit=3"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null, null);
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode json = Platform.json(page);
            json.get("items").forEach(item -> {
                assertThat(seen.add(item.get("id").asText())).as("each product once").isTrue();
                prices.add(item.get("price").get("amount").asDouble());
            });
            cursor = json.path("nextCursor").isTextual() ? json.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(prices).isSorted();

        HttpResponse<String> v1 = platform.call("GET", "/api/v1/products/" + ids.get(0), null, null);
        assertThat(Platform.json(v1).get("price").isNumber()).isTrue();
        assertThat(v1.headers().firstValue("Deprecation")).isPresent();
        HttpResponse<String> v2 = platform.call("GET", "/api/v2/products/" + ids.get(0), null, null);
        assertThat(Platform.json(v2).get("price").get("amount").asText()).isEqualTo("10.00");

        Platform.Customer reviewer = platform.newCustomer("reviewer");
        String review = "{\"rating\":4,\"text\":\"Sturdy <b>and</b> quiet.\"}";
        HttpResponse<String> posted = platform.call("POST", "/api/v1/products/" + ids.get(0) + "/reviews", reviewer.token(), review);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(platform.call("POST", "/api/v1/products/" + ids.get(0) + "/reviews", reviewer.token(), review).statusCode())
                .as("one review per customer").isEqualTo(409);
        HttpResponse<String> reviews = platform.call("GET", "/api/v1/products/" + ids.get(0) + "/reviews", null, null);
        assertThat(Platform.json(reviews).get("items")).hasSize(1);
        await().atMost(15, TimeUnit.SECONDS).untilAsserted(() -> {
            JsonNode rating = Platform.json(platform.call("GET", "/api/v2/products/" + ids.get(0), reviewer.token(), null))
                    .get("rating");
            assertThat(rating.get("count").asInt()).isEqualTo(1);
            assertThat(rating.get("average").asDouble()).isEqualTo(4.0);
        });
        REPORT.count("catalog pages", pages);
    }

    @Test
    void anOrdersEventsReachEveryConsumerAndTheAnalyticsSummary(Platform platform) {
        Platform.Customer customer = platform.newCustomer("events");
        String product = platform.newProduct("Event Kettle " + UUID.randomUUID().toString().substring(0, 8), "20.00", "kitchen");
        platform.setStock(product, 10);
        String first = platform.placeOrder(customer.token(), product, 3, "tok_ok");
        String second = platform.placeOrder(customer.token(), product, 4, "tok_ok");
        platform.awaitConfirmed(customer.token(), first);
        platform.awaitConfirmed(customer.token(), second);

        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            // user-service.order-events: order.created counted on the profile
            JsonNode me = Platform.json(platform.call("GET", "/api/v1/users/me", customer.token(), null));
            assertThat(me.get("ordersPlaced").asInt()).isEqualTo(2);
            // product-service.order-events: order.paid counted as units sold
            JsonNode sold = Platform.json(platform.call("GET", "/api/v2/products/" + product, customer.token(), null));
            assertThat(sold.get("unitsSold").asLong()).isEqualTo(7);
            // Kafka cairn.analytics -> analytics-service
            JsonNode summary = Platform.json(platform.call("GET", "/api/v1/analytics/summary?window=1h", platform.admin(), null));
            assertThat(summary.get("topProductsBySales")).as(summary.toString())
                    .anySatisfy(entry -> {
                        assertThat(entry.get("productId").asText()).isEqualTo(product);
                        assertThat(entry.get("count").asLong()).isEqualTo(7);
                    });
        });
        REPORT.count("orders", 2);
    }

    @Test
    void metricsCountExactlyTheOperationsPerformed(Platform platform) {
        double registered = platform.metric("user-service", "cairn_users_registered_total", Map.of());
        double gatewayRegistrations = platform.metric("gateway", "cairn_gateway_requests_total",
                Map.of("route", "/api/v1/auth/register", "method", "POST", "status", "201"));
        Platform.Customer customer = platform.newCustomer("metrics");
        platform.newCustomer("metrics-too");
        String product = platform.newProduct("Metered Mug " + UUID.randomUUID().toString().substring(0, 8), "9.00", "kitchen");
        platform.setStock(product, 1);
        double created = platform.metric("order-service", "cairn_orders_created_total", Map.of());
        double gatewayAccepted = platform.metric("gateway", "cairn_gateway_requests_total",
                Map.of("route", "/api/v1/orders", "method", "POST", "status", "202"));

        String confirmed = platform.placeOrder(customer.token(), product, 1, "tok_ok");
        String rejected = platform.placeOrder(customer.token(), product, 1, "tok_ok");
        String declined = platform.placeOrder(customer.token(), product, 1, "tok_declined");
        List.of(confirmed, rejected, declined).forEach(id -> platform.awaitSettled(customer.token(), id));

        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(platform.metric("user-service", "cairn_users_registered_total", Map.of())).isEqualTo(registered + 2);
            assertThat(platform.metric("gateway", "cairn_gateway_requests_total",
                    Map.of("route", "/api/v1/auth/register", "method", "POST", "status", "201"))).isEqualTo(gatewayRegistrations + 2);
            assertThat(platform.metric("order-service", "cairn_orders_created_total", Map.of())).isEqualTo(created + 3);
            assertThat(platform.metric("gateway", "cairn_gateway_requests_total",
                    Map.of("route", "/api/v1/orders", "method", "POST", "status", "202"))).isEqualTo(gatewayAccepted + 3);
        });
        REPORT.count("orders", 3);
    }

    @Test
    void anOrderIsOneTraceFromTheGatewayToEveryConsumer(Platform platform) {
        Platform.Customer customer = platform.newCustomer("traced");
        String product = platform.newProduct("Traced Teapot " + UUID.randomUUID().toString().substring(0, 8), "15.00", "kitchen");
        platform.setStock(product, 2);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> placed = platform.call("POST", "/api/v1/orders", customer.token(),
                Platform.orderBody(product, 1, "tok_ok"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(placed.statusCode()).isEqualTo(202);
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = platform.collector().spansOf(traceId);
            assertThat(spans).extracting(span -> span.service() + " " + span.kind().replace("SPAN_KIND_", "") + " " + span.name())
                    .contains("gateway SERVER POST /api/v1/orders",
                            "order-service SERVER POST /api/v1/orders",
                            "user-service CONSUMER user-service.order-events process",
                            "product-service CONSUMER product-service.order-events process",
                            "order-service CONSUMER order-service.notifications process",
                            "analytics-service CONSUMER analytics-service.cairn.analytics process");
            Set<String> parents = new HashSet<>(Set.of("00f067aa0ba902b7"));
            spans.forEach(span -> parents.add(span.spanId()));
            assertThat(spans).allSatisfy(span -> assertThat(parents).contains(span.parentSpanId()));
            REPORT.fact("spans in the order's trace", spans.size());
        });
        REPORT.count("orders", 1);
    }
}
