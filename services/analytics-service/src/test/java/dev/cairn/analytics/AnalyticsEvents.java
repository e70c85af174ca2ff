package dev.cairn.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import dev.cairn.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** Publishes domain events to the test's analytics topic the way the services' relays do (key = aggregate id). */
final class AnalyticsEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final EventCodec codec = new EventCodec();

    static CairnEvent orderCreated(String orderId) {
        ObjectNode data = Json.mapper().createObjectNode().put("orderId", orderId).put("userId", UUID.randomUUID().toString());
        return CairnEvent.create(EventType.ORDER_CREATED, "order-service", orderId, 1, data, null);
    }

    static CairnEvent orderPaid(String orderId, String total, String currency, Map<String, Integer> units) {
        ObjectNode data = Json.mapper().createObjectNode().put("total", total).put("currency", currency);
        units.forEach((productId, quantity) -> data.withArray("lines").addObject()
                .put("productId", productId).put("quantity", quantity).put("unitPrice", "1.00").put("currency", currency));
        return CairnEvent.create(EventType.ORDER_PAID, "order-service", orderId, 2, data, null);
    }

    static CairnEvent viewed(String productId) {
        return CairnEvent.create(EventType.PRODUCT_VIEWED, "product-service", productId, 1,
                Json.mapper().createObjectNode().put("productId", productId).put("category", "test"), null);
    }

    static CairnEvent userCreated() {
        String id = UUID.randomUUID().toString();
        return CairnEvent.create(EventType.USER_CREATED, "user-service", id, 1,
                Json.mapper().createObjectNode().put("id", id).put("email", id + "@example.com"), null);
    }

    void send(CairnEvent event) {
        send(event.subject(), codec.encode(event));
    }

    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(AnalyticsTestConfigSource.topic(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Kafka did not take the test event", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
