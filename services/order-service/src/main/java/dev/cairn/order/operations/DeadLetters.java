package dev.cairn.order.operations;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.messaging.RetryThenDeadLetter;
import dev.cairn.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead-letter queues of Cairn's consumers (CONTRACT.md section 3, "Operations"): their depth, a look at their
 * messages with the reason they died, replaying them to the queue they came from, and purging. The queues are the
 * ones named in {@code cairn.dlq.queues}; RabbitMQ is reached with {@code cairn.rabbitmq.url}.
 */
@ApplicationScoped
public class DeadLetters {

    /** A dead-letter queue and how many messages wait in it. */
    public record Queue(String name, long depth) {
    }

    /**
     * One dead message.
     *
     * @param messageId     the event id
     * @param routingKey    the event type it was published with
     * @param fromQueue     the consumer queue it died in
     * @param reason        why it died: the consumer's last error, or RabbitMQ's reason ({@code rejected})
     * @param deaths        how many attempts it got (or how often RabbitMQ dead-lettered it)
     * @param body          the message as published (a CloudEvent)
     */
    public record DeadMessage(String messageId, String routingKey, String fromQueue, String reason, long deaths,
                              String body) {
    }

    private final URI broker;
    private final List<String> queues;

    @Inject
    public DeadLetters(Config config) {
        this.broker = ConfigValues.requireUri(config, "cairn.rabbitmq.url", "set it to e.g. amqp://guest:guest@127.0.0.1:5672",
                "amqp", "amqps");
        this.queues = ConfigValues.list(config, "cairn.dlq.queues");
    }

    /** The dead-letter queues this service knows ({@code cairn.dlq.queues}). */
    public List<String> queueNames() {
        return queues;
    }

    public List<Queue> list() {
        return withChannel(channel -> {
            List<Queue> result = new ArrayList<>();
            for (String queue : queues) {
                result.add(new Queue(queue, depth(queue)));
            }
            return result;
        });
    }

    /** Up to {@code limit} messages, left in the queue. */
    public List<DeadMessage> peek(String queue, int limit) {
        known(queue);
        return withChannel(channel -> {
            List<DeadMessage> messages = new ArrayList<>();
            GetResponse message;
            while (messages.size() < limit && (message = channel.basicGet(queue, false)) != null) {
                messages.add(describe(message));
            }
            return messages;
        });
    }

    /** Sends every message back to the queue it died in; returns how many. */
    public int replay(String queue) {
        known(queue);
        return withChannel(channel -> {
            int replayed = 0;
            GetResponse message;
            while ((message = channel.basicGet(queue, false)) != null) {
                DeadMessage dead = describe(message);
                if (dead.fromQueue() == null) {
                    channel.basicNack(message.getEnvelope().getDeliveryTag(), false, true);
                    break;
                }
                // A fresh start: the attempt count and the death records go.
                AMQP.BasicProperties properties = message.getProps().builder().headers(Map.of()).build();
                channel.basicPublish("", dead.fromQueue(), properties, message.getBody());
                channel.waitForConfirmsOrDie(5_000);
                channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                replayed++;
            }
            return replayed;
        });
    }

    /** Empties the queue; returns how many messages were dropped. */
    public long purge(String queue) {
        known(queue);
        return withChannel(channel -> (long) channel.queuePurge(queue).getMessageCount());
    }

    private long depth(String queue) {
        try {
            return withChannel(channel -> channel.queueDeclarePassive(queue).getMessageCount());
        } catch (ProblemException missing) {
            return 0;
        }
    }

    private void known(String queue) {
        if (!queues.contains(queue)) {
            throw ProblemException.notFound("Dead-letter queue", queue);
        }
    }

    @SuppressWarnings("unchecked")
    private static DeadMessage describe(GetResponse message) {
        Map<String, Object> headers = Optional.ofNullable(message.getProps().getHeaders()).orElse(Map.of());
        if (headers.containsKey(RetryThenDeadLetter.ORIGIN_QUEUE)) {
            // Dead-lettered by the consumer after its retries: its own headers say why.
            return new DeadMessage(message.getProps().getMessageId(),
                    RetryThenDeadLetter.text(headers.get(RetryThenDeadLetter.ROUTING_KEY)),
                    RetryThenDeadLetter.text(headers.get(RetryThenDeadLetter.ORIGIN_QUEUE)),
                    RetryThenDeadLetter.text(headers.get(RetryThenDeadLetter.ERROR)),
                    headers.get(RetryThenDeadLetter.ATTEMPTS) instanceof Number n ? n.longValue() : 1,
                    new String(message.getBody(), StandardCharsets.UTF_8));
        }
        List<Map<String, Object>> deaths = (List<Map<String, Object>>) headers.getOrDefault("x-death", List.of());
        Map<String, Object> last = deaths.isEmpty() ? Map.of() : deaths.getFirst();
        List<Object> keys = (List<Object>) last.getOrDefault("routing-keys", List.of());
        return new DeadMessage(message.getProps().getMessageId(),
                keys.isEmpty() ? message.getEnvelope().getRoutingKey() : String.valueOf(keys.getFirst()),
                last.get("queue") == null ? null : String.valueOf(last.get("queue")),
                last.get("reason") == null ? null : String.valueOf(last.get("reason")),
                last.get("count") instanceof Number count ? count.longValue() : deaths.size(),
                new String(message.getBody(), StandardCharsets.UTF_8));
    }

    private interface ChannelWork<T> {
        T run(Channel channel) throws IOException, InterruptedException, java.util.concurrent.TimeoutException;
    }

    private <T> T withChannel(ChannelWork<T> work) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(broker);
            factory.setConnectionTimeout(3_000);
            try (Connection connection = factory.newConnection("cairn-dlq-admin"); Channel channel = connection.createChannel()) {
                channel.confirmSelect();
                return work.run(channel);
            }
        } catch (IOException e) {
            if (e.getCause() instanceof com.rabbitmq.client.ShutdownSignalException shutdown
                    && String.valueOf(shutdown.getReason()).contains("NOT_FOUND")) {
                throw ProblemException.notFound("Queue", "on the broker");
            }
            throw new IllegalStateException("RabbitMQ is not reachable: " + e.getMessage(), new java.net.ConnectException(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("RabbitMQ is not reachable: " + e.getMessage(), new java.net.ConnectException(e.getMessage()));
        }
    }
}
