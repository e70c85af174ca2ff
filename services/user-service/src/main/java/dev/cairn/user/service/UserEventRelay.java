package dev.cairn.user.service;

import dev.cairn.commons.relay.JdbcOutboxSource;
import dev.cairn.commons.relay.OutboxRelay;
import dev.cairn.commons.relay.OutboxRelays;
import dev.cairn.commons.relay.PostgresLeaderLock;
import dev.cairn.user.persistence.UsersDataSource;
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
 * Relays {@code cairn_outbox} to RabbitMQ and Kafka; one instance of the service (the holder of the advisory lock
 * {@code relay:user-service}) publishes at a time.
 */
@ApplicationScoped
public class UserEventRelay {

    private final DataSource dataSource;
    private final Config config;
    private final MetricRegistry metrics;
    private Optional<OutboxRelay> relay = Optional.empty();

    @Inject
    public UserEventRelay(@Named(UsersDataSource.NAME) DataSource dataSource, Config config,
                          @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts relaying (after the schema exists). */
    public void start() {
        relay = OutboxRelays.start("user-service", new JdbcOutboxSource(dataSource),
                new PostgresLeaderLock(dataSource, "relay:user-service"), config, metrics);
    }

    @PreDestroy
    void stop() {
        relay.ifPresent(OutboxRelay::close);
    }
}
