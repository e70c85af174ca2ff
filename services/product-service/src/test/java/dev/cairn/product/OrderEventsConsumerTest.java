package dev.cairn.product;

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
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code order.paid} adds to the products' units sold, once per event however often it is delivered. */
@HelidonTest
class OrderEventsConsumerTest {

    @Inject
    WebTarget target;

    @Test
    void unitsSoldCountEachPaidOrderOnce() throws Exception {
        ProductApi api = new ProductApi(target);
        String category = ProductApi.category("sold");
        String first = api.create(product(sku("S"), "Sold once", category, "1.00")).get("id").asText();
        String second = api.create(product(sku("S"), "Sold twice", category, "1.00")).get("id").asText();
        // Cached before the sales arrive: the consumer must invalidate what it changes.
        assertThat(unitsSold(api, first)).isZero();
        assertThat(unitsSold(api, second)).isZero();

        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (int order = 0; order < 2; order++) {
                ObjectNode data = Json.mapper().createObjectNode();
                var lines = data.putArray("lines");
                lines.addObject().put("productId", second).put("quantity", 3);
                if (order == 0) {
                    lines.addObject().put("productId", first).put("quantity", 1);
                }
                String orderId = UUID.randomUUID().toString();
                CairnEvent created = CairnEvent.create(EventType.ORDER_CREATED, "order-service", orderId, 1,
                        Json.mapper().createObjectNode().put("orderId", orderId), null);
                CairnEvent paid = CairnEvent.create(EventType.ORDER_PAID, "order-service", orderId, 2, data, null);
                // the paid event first: it waits for its predecessor
                for (int delivery = 0; delivery < 3; delivery++) {
                    channel.basicPublish("cairn.events", "order.paid", new AMQP.BasicProperties.Builder()
                            .contentType("application/cloudevents+json").messageId(paid.id()).build(),
                            new EventCodec().encode(paid));
                }
                channel.basicPublish("cairn.events", "order.created", new AMQP.BasicProperties.Builder()
                        .contentType("application/cloudevents+json").messageId(created.id()).build(),
                        new EventCodec().encode(created));
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(unitsSold(api, second)).isEqualTo(6);
            assertThat(unitsSold(api, first)).isEqualTo(1);
        });
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(unitsSold(api, second)).isEqualTo(6));
    }

    private static long unitsSold(ProductApi api, String id) {
        return json(expect(api.request("/api/v2/products/" + id, null).get(), 200)).get("unitsSold").asLong();
    }
}
