package dev.cairn.commons.relay;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes to the durable topic exchange {@code cairn.events} (routing key = event type, CONTRACT.md section 4)
 * with publisher confirms: a batch counts as sent only when the broker confirmed every message. A failed batch closes
 * the connection; the next one reconnects.
 */
public final class RabbitMqSink implements EventSink {

    /** The exchange of CONTRACT.md section 4. */
    public static final String EXCHANGE = "cairn.events";

    private final URI uri;
    private final Duration confirmTimeout;
    private Connection connection;
    private Channel channel;

    public RabbitMqSink(URI uri, Duration confirmTimeout) {
        this.uri = uri;
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public synchronized void publish(List<PendingEvent> events) throws Exception {
        try {
            Channel out = channel();
            for (PendingEvent event : events) {
                Map<String, Object> headers = new HashMap<>(Map.of("cairn-aggregate-id", event.aggregateId(),
                        "cairn-sequence", event.sequence()));
                if (event.traceparent() != null) {
                    headers.put(PendingEvent.TRACEPARENT_HEADER, event.traceparent());
                }
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .contentType("application/cloudevents+json")
                        .deliveryMode(2)
                        .messageId(event.id())
                        .type(event.type())
                        .headers(headers)
                        .build();
                out.basicPublish(EXCHANGE, event.type(), false, properties,
                        event.cloudEvent().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.waitForConfirmsOrDie(confirmTimeout.toMillis());
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private Channel channel() throws Exception {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(3_000);
        factory.setRequestedHeartbeat(10);
        connection = factory.newConnection("cairn-outbox-relay");
        channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
        channel.confirmSelect();
        return channel;
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.abort(1_000);
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
        connection = null;
        channel = null;
    }
}
