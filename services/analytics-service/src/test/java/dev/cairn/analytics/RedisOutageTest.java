package dev.cairn.analytics;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away while events arrive: the consumer stops committing, the summary answers 503 and readiness goes
 * DOWN; when Redis is back every event is counted exactly once.
 */
@HelidonTest
class RedisOutageTest {

    @Inject
    WebTarget target;

    @AfterEach
    void restore() {
        AnalyticsTestConfigSource.redisProxy().restore();
    }

    @Test
    void eventsArrivingWhileRedisIsDownAreCountedOnceItIsBack() {
        String product = UUID.randomUUID().toString();
        try (AnalyticsEvents events = new AnalyticsEvents()) {
            AnalyticsTestConfigSource.redisProxy().cut();
            for (int i = 0; i < 25; i++) {
                String orderId = UUID.randomUUID().toString();
                events.send(AnalyticsEvents.orderPaid(orderId, "2.00", "EUR", Map.of(product, 1)));
            }
            problem(summaryRequest(), 503);
            assertThat(target.path("/health/ready").request().get().getStatus()).isEqualTo(503);

            AnalyticsTestConfigSource.redisProxy().restore();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(AnalyticsSummaryTest.count(json(expect(summaryRequest(), 200)).get("topProductsBySales"),
                            product)).isEqualTo(25));
            // and nothing more arrives later
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(AnalyticsSummaryTest.count(json(expect(summaryRequest(), 200)).get("topProductsBySales"),
                            product)).isEqualTo(25));
        }
    }

    private Response summaryRequest() {
        return target.path("/api/v1/analytics/summary").queryParam("window", "5m").request()
                .header("Authorization", "Bearer " + AnalyticsSummaryTest.admin()).get();
    }
}
