package dev.cairn.commons.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.cairn.commons.config.ConfigValues;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * What a consumer does with a message it could not apply: try again later, with a growing delay, and after
 * {@code cairn.messaging.max-attempts} (default 3) attempts put it in the queue's DLQ with the reason.
 * <p>
 * A retry goes to {@code <queue>.retry}, a queue without consumers whose messages expire after the delay
 * ({@code cairn.messaging.retry-delay}, default 1 s, doubling per attempt) and then return to {@code <queue>}. Dead
 * letters carry {@code cairn-error}, {@code cairn-attempts}, {@code cairn-failed-at}, {@code cairn-origin-queue} and
 * {@code cairn-routing-key} headers. The original is acknowledged only after its copy was confirmed by the broker; if that fails, the message
 * is rejected into the DLQ by RabbitMQ instead, so it is never lost.
 */
public final class RetryThenDeadLetter implements AutoCloseable {

    /** Header with the number of attempts so far. */
    public static final String ATTEMPTS = "cairn-attempts";
    /** Header with the error of the last attempt. */
    public static final String ERROR = "cairn-error";
    /** Header with the queue the message failed in. */
    public static final String ORIGIN_QUEUE = "cairn-origin-queue";
    /** Header with the routing key it was first published with (retries travel under the queue's name). */
    public static final String ROUTING_KEY = "cairn-routing-key";
    /** Header with when it was dead-lettered. */
    public static final String FAILED_AT = "cairn-failed-at";

    private static final Logger LOG = Logger.getLogger(RetryThenDeadLetter.class.getName());

    private final URI broker;
    private final String queue;
    private final int maxAttempts;
    private final Duration firstDelay;
    private Connection connection;
    private Channel channel;

    public RetryThenDeadLetter(Config config, String queue) {
        this.broker = ConfigValues.requireUri(config, "cairn.rabbitmq.url", "set it to e.g. amqp://guest:guest@127.0.0.1:5672",
                "amqp", "amqps");
        this.queue = queue;
        this.maxAttempts = config.getOptionalValue("cairn.messaging.max-attempts", Integer.class).orElse(3);
        this.firstDelay = ConfigValues.duration(config, "cairn.messaging.retry-delay", Duration.ofSeconds(1));
    }

    /** Retries or dead-letters {@code message}, then acknowledges it. */
    public CompletionStage<Void> failed(Message<?> message, Throwable error) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Map<String, Object> headers = failureHeaders(message, reason);
        int attempts = (Integer) headers.get(ATTEMPTS);
        if (attempts < maxAttempts) {
            long delay = firstDelay.toMillis() * (1L << Math.min(attempts - 1, 10));
            return forward(message, queue + ".retry", headers, Long.toString(delay), error);
        }
        return toDeadLetterQueue(message, headers, reason, error);
    }

    /** Puts {@code message} in the DLQ at once (it can never succeed, e.g. it is not an event), then acknowledges it. */
    public CompletionStage<Void> deadLetter(Message<?> message, String reason) {
        return toDeadLetterQueue(message, failureHeaders(message, reason), reason, new IllegalArgumentException(reason));
    }

    private CompletionStage<Void> toDeadLetterQueue(Message<?> message, Map<String, Object> headers, String reason,
                                                    Throwable error) {
        headers.put(FAILED_AT, Instant.now().toString());
        CompletionStage<Void> done = forward(message, queue + ".dlq", headers, null, error);
        LOG.warning(() -> "Dead-lettered a message of " + queue + " after " + headers.get(ATTEMPTS) + " attempts: " + reason);
        return done;
    }

    private Map<String, Object> failureHeaders(Message<?> message, String reason) {
        Map<String, Object> headers = new HashMap<>(message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(IncomingRabbitMQMetadata::getHeaders).orElse(Map.of()));
        headers.remove("x-death");
        int attempts = headers.get(ATTEMPTS) instanceof Number number ? number.intValue() + 1 : 1;
        headers.put(ATTEMPTS, attempts);
        headers.put(ERROR, reason.length() > 500 ? reason.substring(0, 500) : reason);
        headers.put(ORIGIN_QUEUE, queue);
        headers.putIfAbsent(ROUTING_KEY, message.getMetadata(IncomingRabbitMQMetadata.class)
                .map(IncomingRabbitMQMetadata::getRoutingKey).orElse(""));
        return headers;
    }

    /** Publishes a copy to {@code target} (with a TTL when {@code expiration} is set), then acknowledges the original. */
    private CompletionStage<Void> forward(Message<?> message, String target, Map<String, Object> headers,
                                          String expiration, Throwable error) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(message.getMetadata(IncomingRabbitMQMetadata.class)
                        .flatMap(IncomingRabbitMQMetadata::getContentType).orElse("application/cloudevents+json"))
                .deliveryMode(2)
                .messageId(message.getMetadata(IncomingRabbitMQMetadata.class)
                        .flatMap(IncomingRabbitMQMetadata::getMessageId).orElse(null))
                .headers(headers)
                .expiration(expiration)
                .build();
        try {
            publish(target, properties, MessagePayloads.bytes(message.getPayload()));
            return message.ack();
        } catch (Exception e) {
            LOG.warning(() -> "Could not move a message of " + queue + " to " + target + " (" + e.getMessage()
                    + "); rejecting it to the DLQ");
            return message.nack(error);
        }
    }

    private synchronized void publish(String target, AMQP.BasicProperties properties, byte[] body) throws Exception {
        try {
            if (channel == null || !channel.isOpen()) {
                ConnectionFactory factory = new ConnectionFactory();
                factory.setUri(broker);
                factory.setConnectionTimeout(3_000);
                connection = factory.newConnection("cairn-retries-" + queue);
                channel = connection.createChannel();
                channel.confirmSelect();
                channel.queueDeclare(queue + ".retry", true, false, false,
                        Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", queue));
            }
            channel.basicPublish("", target, properties, body);
            channel.waitForConfirmsOrDie(5_000);
        } catch (Exception e) {
            close();
            throw e;
        }
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

    /** A header value as text (AMQP delivers strings as byte arrays or LongStrings). */
    public static String text(Object value) {
        return value == null ? null
                : value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }
}
