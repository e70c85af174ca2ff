package dev.cairn.user.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.messaging.JdbcSequencePositions;
import dev.cairn.commons.messaging.OrderedQueue;
import dev.cairn.user.persistence.UsersDataSource;
import dev.cairn.user.service.Accounts;
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
 * Consumes the order events from queue {@code user-service.order-events} ({@code order.*}, each order's events in
 * sequence order): on {@code order.created} the user's profile counts the orders they placed, each event once. A
 * message it cannot apply is retried, then dead-lettered.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    public static final String QUEUE = "user-service.order-events";

    private final Accounts accounts;
    private final OrderedQueue queue;

    @Inject
    public OrderEventsConsumer(Accounts accounts, @Named(UsersDataSource.NAME) DataSource dataSource, Config config,
                               @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.accounts = accounts;
        this.queue = new OrderedQueue(config, QUEUE, new JdbcSequencePositions(dataSource, QUEUE), metrics);
    }

    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        return queue.consume(message, this::apply);
    }

    private void apply(CairnEvent event) {
        if (event.type().equals("order.created")) {
            accounts.orderPlaced(event.id(), event.data().path("userId").asText());
        }
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}
