package dev.cairn.order.messaging;

import dev.cairn.commons.messaging.JdbcSequencePositions;
import dev.cairn.commons.messaging.OrderedQueue;
import dev.cairn.order.persistence.OrdersDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import javax.sql.DataSource;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code product.created}, {@code product.updated} and {@code product.deleted} from queue
 * {@code order-service.product-events} (SmallRye Reactive Messaging, RabbitMQ connector), each product's events in
 * sequence order, each once ({@link CatalogUpdates}): inventory rows and the price cache new orders are priced from.
 * A failure is retried, then dead-lettered.
 */
@ApplicationScoped
public class ProductEventsConsumer {

    public static final String QUEUE = "order-service.product-events";

    private final CatalogUpdates updates;
    private final OrderedQueue queue;

    @Inject
    public ProductEventsConsumer(CatalogUpdates updates, @Named(OrdersDataSource.NAME) DataSource dataSource,
                                 Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.updates = updates;
        this.queue = new OrderedQueue(config, QUEUE, new JdbcSequencePositions(dataSource, QUEUE), metrics);
    }

    @Incoming("product-events")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        return queue.consume(message, updates::apply);
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}
