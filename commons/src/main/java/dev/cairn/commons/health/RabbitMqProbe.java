package dev.cairn.commons.health;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import java.net.URI;
import java.time.Duration;

/** Keeps one AMQP connection (with heartbeats, so a dead broker is noticed) and reconnects when it is closed. */
final class RabbitMqProbe implements DatastoreProbe {

    private final URI uri;
    private Connection connection;

    RabbitMqProbe(URI uri) {
        this.uri = uri;
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    @Override
    public synchronized String check(Duration timeout) throws Exception {
        if (connection != null && connection.isOpen()) {
            return null;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout((int) timeout.toMillis());
        factory.setHandshakeTimeout((int) timeout.toMillis());
        factory.setRequestedHeartbeat(5);
        connection = factory.newConnection("cairn-readiness");
        return null;
    }

    @Override
    public synchronized void close() {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(1000);
            } catch (Exception ignored) {
                // the broker is gone; nothing left to close
            }
        }
    }
}
