package dev.cairn.order.service;

import dev.cairn.commons.relay.OutboxRelay;
import dev.cairn.commons.relay.OutboxRelays;
import dev.cairn.commons.relay.PostgresLeaderLock;
import dev.cairn.order.persistence.EventStoreOutbox;
import dev.cairn.order.persistence.OrdersDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * Relays the event store (which is the order service's outbox) to RabbitMQ and Kafka; the holder of the advisory
 * lock {@code relay:order-service} publishes.
 */
@ApplicationScoped
public class OrderEventRelay {

    private final DataSource dataSource;
    private final Config config;
    private final MetricRegistry metrics;
    private Optional<OutboxRelay> relay = Optional.empty();

    @Inject
    public OrderEventRelay(@Named(OrdersDataSource.NAME) DataSource dataSource, Config config,
                           @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts relaying (after the schema exists). */
    public void start() {
        relay = OutboxRelays.start("order-service", new EventStoreOutbox(dataSource, "brokers"),
                new PostgresLeaderLock(dataSource, "relay:order-service"), config, metrics);
    }

    @PreDestroy
    void stop() {
        relay.ifPresent(OutboxRelay::close);
    }
}
