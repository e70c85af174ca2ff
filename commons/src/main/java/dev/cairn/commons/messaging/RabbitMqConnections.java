package dev.cairn.commons.messaging;

import dev.cairn.commons.config.ConfigValues;
import io.vertx.rabbitmq.RabbitMQOptions;
import org.eclipse.microprofile.config.Config;

/**
 * The connection of SmallRye Reactive Messaging's RabbitMQ connector, from Cairn's one setting
 * {@code cairn.rabbitmq.url}. {@link RabbitMqClientOptions} exposes it as a {@code @Singleton} bean named
 * {@code cairn-rabbitmq}, which a service selects with
 * {@code mp.messaging.connector.smallrye-rabbitmq.client-options-name=cairn-rabbitmq}; one instance, because channels
 * sharing a connection must see the very same options.
 */
public final class RabbitMqConnections {

    /** The bean name the services' config refers to. */
    public static final String OPTIONS_NAME = "cairn-rabbitmq";

    private RabbitMqConnections() {
    }

    /** Options that reconnect forever, once a second. */
    public static RabbitMQOptions options(Config config) {
        RabbitMQOptions options = new RabbitMQOptions().setUri(ConfigValues.requireUri(config, "cairn.rabbitmq.url",
                "set it to e.g. amqp://guest:guest@127.0.0.1:5672", "amqp", "amqps").toString());
        options.setAutomaticRecoveryEnabled(true);
        options.setReconnectAttempts(Integer.MAX_VALUE);
        options.setReconnectInterval(1000);
        return options;
    }
}
