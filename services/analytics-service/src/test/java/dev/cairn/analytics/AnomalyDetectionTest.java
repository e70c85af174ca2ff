package dev.cairn.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.analytics.detect.AnomalyWatch;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An order worth far more than the ones before it is listed as an anomaly in the summary and counted in metrics. */
@HelidonTest
class AnomalyDetectionTest {

    @Inject
    WebTarget target;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    @Test
    void anOutlyingOrderValueIsFlagged() {
        String product = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        EventCodec codec = new EventCodec();
        long before = anomalies();
        try (AnalyticsEvents events = new AnalyticsEvents()) {
            for (int i = 0; i < 15; i++) {
                CairnEvent usual = AnalyticsEvents.orderPaid(UUID.randomUUID().toString(), (i % 2 == 0 ? "19.50" : "20.50"),
                        "CHF", Map.of(product, 1));
                events.send(key, codec.encode(usual));
            }
            String outlier = UUID.randomUUID().toString();
            events.send(key, codec.encode(AnalyticsEvents.orderPaid(outlier, "900.00", "CHF", Map.of(product, 1))));

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode summary = json(expect(target.path("/api/v1/analytics/summary").queryParam("window", "5m")
                        .request().header("Authorization", "Bearer " + AnalyticsSummaryTest.admin()).get(), 200));
                JsonNode found = StreamSupport.stream(summary.get("anomalies").spliterator(), false)
                        .filter(anomaly -> anomaly.get("subject").asText().equals(outlier)).findFirst().orElseThrow();
                assertThat(found.get("metric").asText()).isEqualTo(AnomalyWatch.ORDER_VALUE);
                assertThat(found.get("value").asDouble()).isEqualTo(900.0);
                assertThat(found.get("expected").asDouble()).isBetween(19.0, 21.0);
                assertThat(found.get("zScore").asDouble()).isGreaterThan(3.0);
            });
        }
        assertThat(anomalies() - before).isEqualTo(1);
    }

    private long anomalies() {
        return metrics.counter("cairn_analytics_anomalies_total", new Tag("metric", AnomalyWatch.ORDER_VALUE)).getCount();
    }
}
