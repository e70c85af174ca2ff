package dev.cairn.product.messaging;

import dev.cairn.commons.messaging.RabbitMqConnections;
import io.smallrye.common.annotation.Identifier;
import io.vertx.rabbitmq.RabbitMQOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The SmallRye RabbitMQ connector's connection, from {@code cairn.rabbitmq.url} (see {@link RabbitMqConnections}). */
@ApplicationScoped
public class RabbitMqClientOptions {

    @Produces
    @Singleton
    @Identifier(RabbitMqConnections.OPTIONS_NAME)
    RabbitMQOptions options(Config config) {
        return RabbitMqConnections.options(config);
    }
}
