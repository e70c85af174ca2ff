package dev.cairn.order.service;

import dev.cairn.commons.problem.ProblemException;
import dev.cairn.order.domain.Order;
import dev.cairn.order.domain.OrderEvent;
import dev.cairn.order.live.OrderUpdate;
import dev.cairn.order.live.OrderUpdates;
import dev.cairn.order.persistence.ConcurrentAppendException;
import dev.cairn.order.persistence.EventStore;
import dev.cairn.order.persistence.OrderViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Changes orders the event-sourced way: load the events, rebuild the order, let the command decide the next event,
 * append it at the next sequence and project the read model, all in one transaction. When another writer appended
 * first, the whole attempt is rolled back and repeated on the new state, so no change is lost and a command that the
 * new state no longer allows fails cleanly. Status changes are published after commit.
 */
@ApplicationScoped
public class OrderWriter {

    private static final int ATTEMPTS = 5;

    private final Attempt attempt;
    private final OrderUpdates updates;

    @Inject
    public OrderWriter(Attempt attempt, OrderUpdates updates) {
        this.attempt = attempt;
        this.updates = updates;
    }

    /**
     * Applies a command to an existing order.
     *
     * @param decide    the command: the next event for the current order (or throws)
     * @param alsoInTx  further changes in the same transaction (before, after)
     * @return the order after the event
     */
    public Order change(String orderId, String actor, Function<Order, OrderEvent> decide, BiConsumer<Order, Order> alsoInTx) {
        for (int i = 1; ; i++) {
            try {
                Order after = attempt.change(orderId, actor, decide, alsoInTx);
                published(after);
                return after;
            } catch (ConcurrentAppendException e) {
                if (i == ATTEMPTS) {
                    throw ProblemException.conflict("Order " + orderId + " is being changed concurrently; try again");
                }
            }
        }
    }

    /** Publishes the new status to the live-update channel. */
    void published(Order order) {
        updates.publish(new OrderUpdate(order.id(), order.status().name(), order.version(), order.reason(),
                order.updatedAt()));
    }

    /** One transactional attempt (a separate bean so that the transaction interceptor applies). */
    @ApplicationScoped
    public static class Attempt {

        private final EventStore events;
        private final OrderViews views;

        @Inject
        public Attempt(EventStore events, OrderViews views) {
            this.events = events;
            this.views = views;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public Order change(String orderId, String actor, Function<Order, OrderEvent> decide,
                            BiConsumer<Order, Order> alsoInTx) {
            Order before = load(orderId).orElseThrow(() -> ProblemException.notFound("Order", orderId));
            OrderEvent event = decide.apply(before);
            Order after = before.apply(event);
            events.appendOrder(orderId, after.version(), event, actor);
            views.project(after);
            alsoInTx.accept(before, after);
            return after;
        }

        @Transactional
        public Optional<Order> load(String orderId) {
            List<OrderEvent> history = events.loadOrder(orderId);
            return history.isEmpty() ? Optional.empty() : Optional.of(Order.replay(history));
        }
    }
}
