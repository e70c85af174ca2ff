package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.launcher.infra.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event backbone as the services use it, seen from the broker and the API: every state change publishes its
 * event, the consumers apply them, a failing event ends in its dead-letter queue and is applied after a replay, and
 * an aggregate's events are applied in order even by competing consumer instances.
 */
@Order(2)
@ExtendWith(SharedPlatform.class)
class EventDrivenFlowIT {

    private static final SuiteReport REPORT = new SuiteReport("EventDrivenFlowIT");
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void writeReport() {
        REPORT.write();
    }

    @Test
    void everyStateChangePublishesItsEventInSequence(Platform platform) throws Exception {
        try (Tap tap = new Tap(platform)) {
            Platform.Customer customer = platform.newCustomer("evented");
            assertThat(platform.call("PATCH", "/api/v1/users/me", customer.token(), "{\"name\":\"Evented Ada\"}")
                    .statusCode()).isEqualTo(200);
            String product = platform.newProduct("Evented Lamp " + UUID.randomUUID().toString().substring(0, 8), "20.00", "outdoor");
            HttpResponse<String> patched = platform.call("PATCH", "/api/v1/products/" + product, platform.admin(),
                    "{\"price\":25.00}");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            platform.setStock(product, 20);
            assertThat(platform.call("POST", "/api/v1/products/" + product + "/reviews", customer.token(),
                    "{\"rating\":5,\"text\":\"Bright.\"}").statusCode()).isEqualTo(201);
            // once the order service's consumer applied product.updated, new orders are priced at 25.00
            String[] priced = new String[1];
            await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                priced[0] = platform.placeOrder(customer.token(), product, 1, "tok_ok");
                assertThat(platform.awaitSettled(customer.token(), priced[0]).get("total").get("amount").asText()).isEqualTo("25.00");
            });
            String shipped = priced[0];
            assertThat(platform.call("POST", "/api/v1/orders/" + shipped + "/ship", platform.admin(), null).statusCode()).isEqualTo(200);
            String cancelled = platform.placeOrder(customer.token(), product, 1, "tok_ok");
            platform.awaitSettled(customer.token(), cancelled);
            assertThat(platform.call("POST", "/api/v1/orders/" + cancelled + "/cancel", customer.token(), null).statusCode()).isEqualTo(200);
            String rejected = platform.placeOrder(customer.token(), product, 1, "tok_declined");
            assertThat(platform.awaitSettled(customer.token(), rejected).get("status").asText()).isEqualTo("REJECTED");
            assertThat(platform.call("DELETE", "/api/v1/products/" + product, platform.admin(), null).statusCode()).isEqualTo(204);
            assertThat(platform.call("DELETE", "/api/v1/users/me", customer.token(), null).statusCode()).isEqualTo(204);

            Map<String, List<String>> expected = Map.of(
                    customer.id(), List.of("user.created", "user.updated", "user.deleted"),
                    shipped, List.of("order.created", "order.paid", "order.shipped"),
                    cancelled, List.of("order.created", "order.paid", "order.cancelled"),
                    rejected, List.of("order.created", "order.rejected"));
            await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                expected.forEach((subject, types) -> assertThat(tap.typesOf(subject)).as(subject).containsExactlyElementsOf(types));
                assertThat(tap.typesOf(product)).as("product %s", product)
                        .contains("product.created", "product.updated", "product.deleted", "inventory.updated");
                assertThat(tap.events()).as("a review.created").anySatisfy(event -> {
                    assertThat(event.get("type").asText()).isEqualTo("review.created");
                    assertThat(event.get("data").toString()).contains(product);
                });
            });
            for (String subject : List.of(customer.id(), shipped, cancelled, rejected)) {
                assertThat(tap.sequencesOf(subject)).as("sequence of %s", subject)
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, tap.sequencesOf(subject).size()).boxed().toList());
            }
            assertThat(tap.events()).allSatisfy(event -> {
                assertThat(event.get("specversion").asText()).isEqualTo("1.0");
                assertThat(event.get("source").asText()).startsWith("/cairn/");
                assertThat(event.has("traceparent")).isTrue();
            });
            REPORT.count("events seen", tap.events().size());
        }
    }

    @Test
    void aViewedProductReachesTheAnalyticsThroughKafka(Platform platform) {
        String product = platform.newProduct("Viewed Tent " + UUID.randomUUID().toString().substring(0, 8), "99.00", "outdoor");
        for (int i = 0; i < 25; i++) {
            assertThat(platform.call("GET", "/api/v2/products/" + product, platform.admin(), null).statusCode()).isEqualTo(200);
        }
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode summary = Platform.json(platform.call("GET", "/api/v1/analytics/summary?window=1h", platform.admin(), null));
            assertThat(summary.get("topProductsByViews")).as(summary.toString())
                    .anySatisfy(entry -> assertThat(entry.get("productId").asText()).isEqualTo(product));
        });
    }

    @Test
    void aPoisonMessageGoesStraightToEveryConsumersDeadLetterQueueWithTheReason(Platform platform) throws Exception {
        String messageId = "poison-" + UUID.randomUUID();
        publish(platform, "order.created", messageId, "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8));
        for (String dlq : List.of("user-service.order-events.dlq", "product-service.order-events.dlq",
                "order-service.notifications.dlq")) {
            await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode dead = deadMessage(platform, dlq, messageId);
                assertThat(dead).as("%s holds %s", dlq, messageId).isNotNull();
                assertThat(dead.get("reason").asText()).isNotBlank();
                assertThat(dead.get("routingKey").asText()).isEqualTo("order.created");
            });
        }
        HttpResponse<String> queues = platform.call("GET", "/api/v1/admin/dlq", platform.admin(), null);
        assertThat(Platform.json(queues).get("items")).anySatisfy(queue -> {
            assertThat(queue.get("name").asText()).isEqualTo("user-service.order-events.dlq");
            assertThat(queue.get("depth").asLong()).isPositive();
        });
        REPORT.count("poison messages", 1);
    }

    @Test
    void anEventWhosePredecessorIsMissingIsDeadLetteredAndAppliedAfterReplay(Platform platform) throws Exception {
        String product = UUID.randomUUID().toString();
        CairnEvent updated = productEvent(EventType.PRODUCT_UPDATED, product, 2, "7.50");
        publish(platform, updated);
        String dlq = "order-service.product-events.dlq";
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode dead = deadMessage(platform, dlq, updated.id());
            assertThat(dead).as("the gap dead-letters %s", updated.id()).isNotNull();
            assertThat(dead.get("reason").asText()).startsWith("gap:");
        });
        publish(platform, productEvent(EventType.PRODUCT_CREATED, product, 1, "5.00"));
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.call("GET", "/api/v1/inventory/" + product, null, null).statusCode() == 200);

        HttpResponse<String> replay = platform.call("POST", "/api/v1/admin/dlq/" + dlq + "/replay", platform.admin(), null);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
        assertThat(Platform.json(replay).get("replayed").asInt()).isPositive();
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(deadMessage(platform, dlq, updated.id())).isNull());
        // the replayed product.updated is applied: an order is priced from it (7.50), not from product.created (5.00)
        platform.setStock(product, 3);
        Platform.Customer customer = platform.newCustomer("replayed");
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String order = platform.placeOrder(customer.token(), product, 2, "tok_ok");
            JsonNode settled = platform.awaitSettled(customer.token(), order);
            assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("CONFIRMED");
            assertThat(settled.get("total").get("amount").asText()).isEqualTo("15.00");
        });
        REPORT.count("replayed", 1);
    }

    @Test
    void competingConsumersApplyEachAggregatesEventsInOrder(Platform platform) throws Exception {
        String queue = "order-service.product-events";
        int port = Ports.freePort();
        Process second = platform.startSecondInstance("order-service", port);
        try {
            try (Connection connection = connect(platform); Channel channel = connection.createChannel()) {
                assertThat(channel.queueDeclarePassive(queue).getConsumerCount()).as("competing consumers on " + queue).isEqualTo(2);
            }
            List<String> products = new ArrayList<>();
            List<CairnEvent> events = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                String product = UUID.randomUUID().toString();
                products.add(product);
                events.add(productEvent(EventType.PRODUCT_CREATED, product, 1, "1.00"));
                events.add(productEvent(EventType.PRODUCT_UPDATED, product, 2, "2.00"));
                events.add(productEvent(EventType.PRODUCT_UPDATED, product, 3, "3.00"));
            }
            // every aggregate's events arrive out of order, interleaved with the others'
            Collections.shuffle(events, new Random(42));
            for (CairnEvent event : events) {
                publish(platform, event);
            }
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (String product : products) {
                    assertThat(platform.call("GET", "/api/v1/inventory/" + product, null, null).statusCode()).isEqualTo(200);
                }
            });
            // the last price of every product is the one in effect: no update was applied after a later one
            Platform.Customer customer = platform.newCustomer("ordering");
            for (String product : products) {
                platform.setStock(product, 1);
            }
            List<String> orders = products.stream().map(product -> platform.placeOrder(customer.token(), product, 1, "tok_ok")).toList();
            for (String order : orders) {
                JsonNode settled = platform.awaitSettled(customer.token(), order);
                assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("CONFIRMED");
                assertThat(settled.get("total").get("amount").asText()).isEqualTo("3.00");
            }
            REPORT.count("out-of-order events published", events.size());
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static JsonNode deadMessage(Platform platform, String dlq, String messageId) {
        HttpResponse<String> peek = platform.call("GET", "/api/v1/admin/dlq/" + dlq + "?limit=100", platform.admin(), null);
        assertThat(peek.statusCode()).as(peek.body()).isEqualTo(200);
        for (JsonNode message : Platform.json(peek).get("items")) {
            if (messageId.equals(message.path("messageId").asText())) {
                return message;
            }
        }
        return null;
    }

    /** A product event as the product service publishes it. */
    private static CairnEvent productEvent(EventType type, String productId, long version, String price) {
        ObjectNode data = JSON.createObjectNode().put("id", productId).put("sku", "EV-" + productId)
                .put("name", "Evented " + productId);
        data.putObject("price").put("amount", price).put("currency", "EUR");
        return CairnEvent.create(type, "product-service", productId, version, data, null);
    }

    private static void publish(Platform platform, CairnEvent event) throws Exception {
        publish(platform, event.type(), event.id(), new EventCodec().encode(event));
    }

    private static void publish(Platform platform, String routingKey, String messageId, byte[] body) throws Exception {
        try (Connection connection = connect(platform); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish("cairn.events", routingKey, new AMQP.BasicProperties.Builder()
                    .contentType("application/cloudevents+json").messageId(messageId).deliveryMode(2).build(), body);
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    private static Connection connect(Platform platform) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(platform.rabbitmqUrl()));
        return factory.newConnection("system-tests");
    }

    /** A private queue bound to every routing key of {@code cairn.events}: what the services publish, as it is sent. */
    private static final class Tap implements AutoCloseable {
        private final Connection connection;
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();

        Tap(Platform platform) throws Exception {
            connection = connect(platform);
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "cairn.events", "#");
            DeliverCallback deliver = (tag, message) -> {
                try {
                    events.add(JSON.readTree(message.getBody()));
                } catch (java.io.IOException notJson) {
                    // another test's poison message
                }
            };
            channel.basicConsume(queue, true, deliver, tag -> { });
        }

        List<JsonNode> events() {
            return events;
        }

        List<String> typesOf(String subject) {
            return events.stream().filter(e -> subject.equals(e.path("subject").asText()))
                    .sorted(java.util.Comparator.comparingLong(e -> Long.parseLong(e.path("sequence").asText("0"))))
                    .map(e -> e.get("type").asText()).collect(Collectors.toList());
        }

        List<Long> sequencesOf(String subject) {
            return events.stream().filter(e -> subject.equals(e.path("subject").asText()))
                    .map(e -> Long.parseLong(e.path("sequence").asText())).sorted().toList();
        }

        Set<String> subjects() {
            return events.stream().map(e -> e.path("subject").asText()).collect(Collectors.toSet());
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}
