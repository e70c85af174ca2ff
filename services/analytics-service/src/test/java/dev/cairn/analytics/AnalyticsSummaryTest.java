package dev.cairn.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.testsupport.ApiClient;
import dev.cairn.testsupport.TestTokens;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events on Kafka reach the summary within seconds: counts, revenue, top products, registrations; a redelivered
 * event counts once; a record that is not a Cairn event is skipped without stopping the ones after it.
 */
@HelidonTest
class AnalyticsSummaryTest {

    private static final AnalyticsEvents EVENTS = new AnalyticsEvents();

    @Inject
    WebTarget target;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @AfterAll
    static void close() {
        EVENTS.close();
    }

    @Test
    void summaryReflectsTenOrdersWithinSeconds() {
        JsonNode before = summary("1h");
        String bestSeller = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        for (int i = 0; i < 10; i++) {
            String orderId = UUID.randomUUID().toString();
            EVENTS.send(AnalyticsEvents.orderCreated(orderId));
            EVENTS.send(AnalyticsEvents.orderPaid(orderId, "30.25", "EUR", Map.of(bestSeller, 2, other, 1)));
        }
        for (int i = 0; i < 3; i++) {
            EVENTS.send(AnalyticsEvents.userCreated());
        }
        for (int i = 0; i < 4; i++) {
            EVENTS.send(AnalyticsEvents.viewed(other));
        }

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode after = summary("1h");
            assertThat(after.get("ordersCreated").asLong() - before.get("ordersCreated").asLong()).isEqualTo(10);
            assertThat(after.get("ordersPaid").asLong() - before.get("ordersPaid").asLong()).isEqualTo(10);
            assertThat(after.get("usersRegistered").asLong() - before.get("usersRegistered").asLong()).isEqualTo(3);
            assertThat(count(after.get("topProductsBySales"), bestSeller)).isEqualTo(20);
            assertThat(count(after.get("topProductsBySales"), other)).isEqualTo(10);
            assertThat(count(after.get("topProductsByViews"), other)).isEqualTo(4);
            assertThat(eur(after) - eur(before)).isEqualTo(302.50);
        });
        JsonNode minute = summary("1m");
        assertThat(minute.get("window").asText()).isEqualTo("1m");
        assertThat(minute.get("ordersPerMinute").asDouble()).isGreaterThanOrEqualTo(10.0 * 60 / 70);
        assertThat(minute.get("revenue").get(0).get("amount").asText()).matches("\\d+\\.\\d{2}");
    }

    @Test
    void anEventDeliveredThreeTimesCountsOnce() {
        String product = UUID.randomUUID().toString();
        CairnEvent view = AnalyticsEvents.viewed(product);
        for (int i = 0; i < 3; i++) {
            EVENTS.send(view);
        }
        CairnEvent marker = AnalyticsEvents.viewed(product);
        EVENTS.send(marker);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(count(summary("5m").get("topProductsByViews"), product)).isEqualTo(2));
        assertThat(metrics.counter("cairn_analytics_events_total", new Tag("outcome", "duplicate"),
                new Tag("type", "product.viewed")).getCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void recordsThatAreNotCairnEventsAreSkipped() {
        String product = UUID.randomUUID().toString();
        long invalidBefore = invalid("unknown") + invalid("order.paid");
        EVENTS.send(product, "not a cloud event".getBytes(StandardCharsets.UTF_8));
        CairnEvent noCurrency = AnalyticsEvents.orderPaid(product, "1.00", "EUR", Map.of(product, 1));
        ((ObjectNode) noCurrency.data()).remove("currency");
        EVENTS.send(product, new EventCodec().encode(noCurrency));
        EVENTS.send(AnalyticsEvents.viewed(product));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(count(summary("5m").get("topProductsByViews"), product)).isEqualTo(1));
        assertThat(invalid("unknown") + invalid("order.paid") - invalidBefore).isEqualTo(2);
        assertThat(count(summary("5m").get("topProductsBySales"), product)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "5m", "1h"})
    void everyWindowIsServed(String window) {
        JsonNode summary = summary(window);
        assertThat(summary.get("window").asText()).isEqualTo(window);
        assertThat(summary.has("anomalies")).isTrue();
        assertThat(summary.get("to").asText()).isNotBlank();
    }

    @Test
    void unknownWindowIsA400NamingTheChoices() {
        JsonNode problem = problem(api().request("/api/v1/analytics/summary?window=2h", admin()).get(), 400);
        assertThat(problem.toString()).contains("window").contains("1m, 5m, 1h");
    }

    @Test
    void summaryIsForAdminsOnly() {
        problem(api().request("/api/v1/analytics/summary", null).get(), 401);
        problem(api().request("/api/v1/analytics/summary",
                TestTokens.shared().accessToken(UUID.randomUUID().toString(), "c@example.com", "customer")).get(), 403);
    }

    private long invalid(String type) {
        return metrics.counter("cairn_analytics_events_total", new Tag("outcome", "invalid"), new Tag("type", type)).getCount();
    }

    private JsonNode summary(String window) {
        return json(expect(api().request("/api/v1/analytics/summary?window=" + window, admin()).get(), 200));
    }

    private ApiClient api() {
        return new ApiClient(target);
    }

    static String admin() {
        return TestTokens.shared().accessToken(UUID.randomUUID().toString(), "admin@example.com", "admin");
    }

    static long count(JsonNode ranking, String productId) {
        return StreamSupport.stream(ranking.spliterator(), false)
                .filter(entry -> entry.get("productId").asText().equals(productId))
                .mapToLong(entry -> entry.get("count").asLong()).findFirst().orElse(0);
    }

    private static double eur(JsonNode summary) {
        List<JsonNode> revenue = new ArrayList<>();
        summary.get("revenue").forEach(revenue::add);
        return revenue.stream().filter(money -> money.get("currency").asText().equals("EUR"))
                .mapToDouble(money -> Double.parseDouble(money.get("amount").asText())).sum();
    }
}
