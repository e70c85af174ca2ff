package dev.cairn.order.messaging;

import dev.cairn.commons.config.ConfigValues;
import io.smallrye.common.annotation.Identifier;
import io.vertx.rabbitmq.RabbitMQOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

import java.net.URI;

/**
 * The SmallRye RabbitMQ connector's connection, from Cairn's one setting {@code cairn.rabbitmq.url}
 * ({@code mp.messaging.connector.smallrye-rabbitmq.client-options-name=cairn-rabbitmq}).
 */
@ApplicationScoped
public class RabbitMqClientOptions {

    /** One instance: channels sharing a connection must see the very same options. */
    @Produces
    @Singleton
    @Identifier("cairn-rabbitmq")
    RabbitMQOptions options(Config config) {
        URI uri = ConfigValues.requireUri(config, "cairn.rabbitmq.url", "set it to e.g. amqp://guest:guest@127.0.0.1:5672",
                "amqp", "amqps");
        RabbitMQOptions options = new RabbitMQOptions().setUri(uri.toString());
        options.setAutomaticRecoveryEnabled(true);
        options.setReconnectAttempts(Integer.MAX_VALUE);
        options.setReconnectInterval(1000);
        return options;
    }
}
