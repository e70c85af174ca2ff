package dev.cairn.commons.messaging;

import io.smallrye.common.annotation.Identifier;
import io.vertx.rabbitmq.RabbitMQOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The SmallRye RabbitMQ connector's connection as a bean ({@link RabbitMqConnections}), for every service that
 * consumes with SmallRye; commons' {@code beans.xml} leaves it out where Vert.x is not on the class path.
 */
@ApplicationScoped
public class RabbitMqClientOptions {

    @Produces
    @Singleton
    @Identifier(RabbitMqConnections.OPTIONS_NAME)
    RabbitMQOptions options(Config config) {
        return RabbitMqConnections.options(config);
    }
}
