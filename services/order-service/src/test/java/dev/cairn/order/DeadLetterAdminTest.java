package dev.cairn.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import dev.cairn.testsupport.TestInfrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DLQ admin API: depth, a look at dead messages with their reason, replay to the consumer, purge; admin only.
 * A poison message is retried (100 ms, then 200 ms) before it is dead-lettered.
 */
@HelidonTest
@AddConfig(key = "cairn.messaging.retry-delay", value = "100ms")
@AddConfig(key = "cairn.dlq.refresh-interval", value = "500ms")
class DeadLetterAdminTest {

    private static final String DLQ = "order-service.product-events.dlq";

    @Inject
    WebTarget target;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private Channel channel(Connection connection) throws Exception {
        return connection.createChannel();
    }

    private Connection connect() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        return factory.newConnection();
    }

    @Test
    void aPoisonMessageIsListedAndShownWithItsReason() throws Exception {
        OrderApi api = new OrderApi(target);
        // an event the consumer cannot apply: a product without a price
        String productId = UUID.randomUUID().toString();
        CairnEvent poisonous = CairnEvent.create(EventType.PRODUCT_CREATED, "product-service", productId, 1,
                Json.mapper().createObjectNode().put("id", productId), null);
        String marker = poisonous.id();
        try (Connection connection = connect(); Channel channel = channel(connection)) {
            channel.basicPublish("cairn.events", "product.created",
                    new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").messageId(marker).build(),
                    new EventCodec().encode(poisonous));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode queues = json(expect(api.request("/api/v1/admin/dlq", OrderApi.admin()).get(), 200)).get("items");
            JsonNode ours = null;
            for (JsonNode queue : queues) {
                if (queue.get("name").asText().equals(DLQ)) {
                    ours = queue;
                }
            }
            assertThat(ours).isNotNull();
            assertThat(ours.get("depth").asLong()).isPositive();
        });
        JsonNode messages = json(expect(api.request("/api/v1/admin/dlq/" + DLQ + "?limit=100", OrderApi.admin()).get(), 200))
                .get("items");
        JsonNode poison = null;
        for (JsonNode message : messages) {
            if (marker.equals(message.path("messageId").asText())) {
                poison = message;
            }
        }
        assertThat(poison).as("the poison message is shown").isNotNull();
        assertThat(poison.get("reason").asText()).contains("no valid price");
        assertThat(poison.get("deaths").asLong()).isEqualTo(3);
        assertThat(poison.get("fromQueue").asText()).isEqualTo("order-service.product-events");
        assertThat(poison.get("routingKey").asText()).isEqualTo("product.created");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(((Number) metrics.getGauges()
                .get(new MetricID("cairn_dlq_depth", new Tag("queue", DLQ))).getValue()).longValue())
                .as("cairn_dlq_depth").isPositive());
        problem(api.request("/api/v1/admin/dlq", OrderApi.customer().token()).get(), 403);
        problem(api.request("/api/v1/admin/dlq/no-such-queue", OrderApi.admin()).get(), 404);
    }

    @Test
    void aDeadEventReplayedAfterTheFixIsApplied() throws Exception {
        OrderApi api = new OrderApi(target);
        expect(api.request("/api/v1/admin/dlq/" + DLQ, OrderApi.admin()).delete(), 200);
        String productId = UUID.randomUUID().toString();
        ObjectNode product = Json.mapper().createObjectNode().put("id", productId).put("name", "Replayed");
        product.putObject("price").put("amount", "3.00").put("currency", "EUR");
        CairnEvent created = CairnEvent.create(EventType.PRODUCT_CREATED, "product-service", productId, 1, product, null);
        try (Connection connection = connect(); Channel channel = channel(connection)) {
            // As the consumer's queue dead-letters it: straight into the DLQ, with RabbitMQ's x-death header.
            Map<String, Object> death = Map.of("queue", "order-service.product-events", "reason", "rejected",
                    "count", 1L, "exchange", "cairn.events", "routing-keys", List.of("product.created"));
            channel.basicPublish("", DLQ, new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json")
                    .messageId(created.id()).headers(Map.of("x-death", List.of(death))).build(),
                    new EventCodec().encode(created));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(json(expect(api.request("/api/v1/admin/dlq/" + DLQ, OrderApi.admin()).get(), 200))
                        .get("items")).hasSize(1));
        JsonNode replayed = json(expect(api.request("/api/v1/admin/dlq/" + DLQ + "/replay", OrderApi.admin())
                .post(Entity.json("{}")), 200));
        assertThat(replayed.get("replayed").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.request("/api/v1/inventory/" + productId, null).get().getStatus()).isEqualTo(200));
        assertThat(json(expect(api.request("/api/v1/admin/dlq/" + DLQ, OrderApi.admin()).get(), 200)).get("items")).isEmpty();
    }
}
