package dev.cairn.commons.relay;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.commons.config.ConfigValues;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Builds a service's relay from config: RabbitMQ ({@code cairn.rabbitmq.url}) and Kafka
 * ({@code cairn.kafka.bootstrap}) sinks; {@code cairn.relay.enabled} (default true) and {@code cairn.relay.idle}
 * (default 250 ms, how long to wait when nothing is pending).
 */
public final class OutboxRelays {

    private OutboxRelays() {
    }

    /** The started relay of {@code service}, or empty when {@code cairn.relay.enabled=false}. */
    public static Optional<OutboxRelay> start(String service, OutboxSource source, LeaderLock leader, Config config,
                                              MetricRegistry metrics) {
        if (!config.getOptionalValue("cairn.relay.enabled", Boolean.class).orElse(true)) {
            leader.close();
            return Optional.empty();
        }
        Duration timeout = ConfigValues.duration(config, "cairn.relay.confirm-timeout", Duration.ofSeconds(5));
        List<EventSink> sinks = List.of(
                new RabbitMqSink(ConfigValues.requireUri(config, "cairn.rabbitmq.url",
                        "set it to e.g. amqp://guest:guest@127.0.0.1:5672", "amqp", "amqps"), timeout),
                new KafkaSink(ConfigValues.require(config, "cairn.kafka.bootstrap",
                        "set it to the Kafka bootstrap servers, e.g. 127.0.0.1:9092"), service + "-relay", timeout));
        Tag relay = new Tag("relay", service);
        OutboxRelay started = new OutboxRelay(service, source, sinks, leader,
                ConfigValues.duration(config, "cairn.relay.idle", Duration.ofMillis(250)),
                Meters.counter(metrics, "cairn_outbox_published", relay),
                Meters.counter(metrics, "cairn_outbox_publish_failures", relay));
        Meters.gauge(metrics, "cairn_outbox_backlog", started, OutboxRelay::backlog, relay);
        return Optional.of(started.start());
    }
}
