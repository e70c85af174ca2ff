package dev.cairn.product.service;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.relay.OutboxRelay;
import dev.cairn.commons.relay.OutboxRelays;
import dev.cairn.product.persistence.DocumentOutbox;
import dev.cairn.product.persistence.MongoLeaderLock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Relays the events waiting in product and review documents to RabbitMQ and Kafka; the holder of the lease
 * {@code relay:product-service} publishes.
 */
@ApplicationScoped
public class ProductEventRelay {

    private final MongoDatabase database;
    private final Config config;
    private final MetricRegistry metrics;
    private final Clock clock;
    private Optional<OutboxRelay> relay = Optional.empty();

    @Inject
    public ProductEventRelay(MongoDatabase database, Config config, Clock clock,
                             @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.database = database;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Starts relaying. */
    public void start() {
        relay = OutboxRelays.start("product-service", new DocumentOutbox(database),
                new MongoLeaderLock(database, "relay:product-service", Duration.ofSeconds(15), clock), config, metrics);
    }

    @PreDestroy
    void stop() {
        relay.ifPresent(OutboxRelay::close);
    }
}
