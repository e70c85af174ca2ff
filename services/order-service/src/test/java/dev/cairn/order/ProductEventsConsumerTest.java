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
import jakarta.inject.Named;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static dev.cairn.testsupport.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code product.created} on {@code cairn.events} gives the product an inventory row, once however often it arrives. */
@HelidonTest
@AddConfig(key = "cairn.messaging.retry-delay", value = "100ms")
class ProductEventsConsumerTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("orders")
    DataSource dataSource;

    @Test
    void aMessageThatIsNotAnEventIsDeadLetteredAtOnce() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            long before = channel.messageCount("order-service.product-events.dlq");
            String marker = "poison-" + UUID.randomUUID();
            channel.basicPublish("cairn.events", "product.created",
                    new AMQP.BasicProperties.Builder().contentType("application/json").messageId(marker).build(),
                    ("{\"not\":\"a cloud event\",\"marker\":\"" + marker + "\"}").getBytes());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(channel.messageCount("order-service.product-events.dlq")).isGreaterThan(before));
            boolean found = false;
            com.rabbitmq.client.GetResponse dead;
            while ((dead = channel.basicGet("order-service.product-events.dlq", true)) != null) {
                found |= new String(dead.getBody()).contains(marker);
            }
            assertThat(found).as("the poison message is in the DLQ").isTrue();
        }
    }

    @Test
    void aNewProductGetsAnEmptyStockRowOnceEvenWhenDeliveredThreeTimes() throws Exception {
        String productId = UUID.randomUUID().toString();
        CairnEvent created = productEvent(EventType.PRODUCT_CREATED, productId, 1, "4.00");
        byte[] body = new EventCodec().encode(created);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .contentType("application/cloudevents+json").messageId(created.id()).deliveryMode(2).build();
            for (int i = 0; i < 3; i++) {
                channel.basicPublish("cairn.events", "product.created", properties, body);
            }
        }
        OrderApi api = new OrderApi(target);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.request("/api/v1/inventory/" + productId, null).get().getStatus()).isEqualTo(200));
        assertThat(json(api.request("/api/v1/inventory/" + productId, null).get()).get("available").asInt()).isZero();
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(new OrderDatabase(dataSource).count(
                        "select count(*) from processed_events where event_id = ?", created.id())).isEqualTo(1));
    }

    @Test
    void newOrdersArePricedFromTheLatestProductEventEvenWhenItArrivedFirst() throws Exception {
        String productId = UUID.randomUUID().toString();
        publish(productEvent(EventType.PRODUCT_UPDATED, productId, 2, "7.50"), "product.updated");
        publish(productEvent(EventType.PRODUCT_CREATED, productId, 1, "5.00"), "product.created");
        OrderApi api = new OrderApi(target);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(new OrderDatabase(dataSource).count(
                "select count(*) from product_prices where product_id = ? and amount = 7.50", productId)).isEqualTo(1));

        api.stock(productId, 5);
        OrderApi.Customer customer = OrderApi.customer();
        String orderId = api.placed(customer, OrderApi.order(productId, 2, "tok_ok"));
        JsonNode order = api.awaitStatus(customer, orderId, "CONFIRMED");
        assertThat(order.get("total").get("amount").asText()).isEqualTo("15.00");

        publish(productEvent(EventType.PRODUCT_DELETED, productId, 3, null), "product.deleted");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(new OrderDatabase(dataSource).count(
                "select count(*) from product_prices where product_id = ?", productId)).isZero());
        String rejected = api.placed(customer, OrderApi.order(productId, 1, "tok_ok"));
        assertThat(api.awaitStatus(customer, rejected, "REJECTED").get("reason").asText()).contains("does not exist");
    }

    /** A product event as the product service publishes it ({@code price} null: a deletion). */
    private static CairnEvent productEvent(EventType type, String productId, long version, String price) {
        ObjectNode data = Json.mapper().createObjectNode().put("id", productId).put("sku", "SKU-" + productId)
                .put("name", "Evented " + productId);
        if (price != null) {
            data.putObject("price").put("amount", price).put("currency", "EUR");
        }
        return CairnEvent.create(type, "product-service", productId, version, data, null);
    }

    private static void publish(CairnEvent event, String routingKey) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.basicPublish("cairn.events", routingKey, new AMQP.BasicProperties.Builder()
                    .contentType("application/cloudevents+json").messageId(event.id()).deliveryMode(2).build(),
                    new EventCodec().encode(event));
        }
    }
}
