package dev.cairn.commons.messaging;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.commons.config.ConfigValues;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Everything a consumer of one RabbitMQ queue needs, in one object: messages are decoded, applied once and in
 * per-aggregate order ({@link AggregateSequencer}), retried with a growing delay and dead-lettered
 * ({@link RetryThenDeadLetter}); outcomes are counted in {@code cairn_consumer_events_total{queue, outcome}}. A
 * consumer method is then one line:
 * <pre>{@code return queue.consume(message, event -> ...);}</pre>
 * Settings: {@code cairn.messaging.gap-timeout} (60 s: twice the
 * outbox relay's longest back-off, so a predecessor the relay is still retrying is not taken for lost) and {@code cairn.messaging.recheck-interval} (250 ms), plus
 * those of {@link RetryThenDeadLetter}.
 */
public final class OrderedQueue implements AutoCloseable {

    private final RetryThenDeadLetter failures;
    private final AggregateSequencer sequencer;

    public OrderedQueue(Config config, String queue, SequencePositions positions, MetricRegistry metrics) {
        this.failures = new RetryThenDeadLetter(config, queue);
        // every counter exists from the start: a meter first created while the server stops can deadlock Helidon 4.1
        Map<String, Counter> counters = new HashMap<>();
        for (String outcome : AggregateSequencer.OUTCOMES) {
            counters.put(outcome, Meters.counter(metrics, "cairn_consumer_events_total", new Tag("queue", queue),
                    new Tag("outcome", outcome)));
        }
        this.sequencer = new AggregateSequencer(queue, positions,
                ConfigValues.duration(config, "cairn.messaging.gap-timeout", Duration.ofSeconds(60)),
                ConfigValues.duration(config, "cairn.messaging.recheck-interval", Duration.ofMillis(250)),
                Clock.systemUTC(),
                outcome -> counters.get(outcome).inc());
    }

    /** Applies the event in {@code message} with {@code handler} when its turn comes. */
    public CompletionStage<Void> consume(Message<?> message, EventHandler handler) {
        return sequencer.accept(new RabbitMqDelivery(message, failures), handler);
    }

    @Override
    public void close() {
        sequencer.close();
        failures.close();
    }
}
