package dev.cairn.order.service;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.order.domain.InvalidTransitionException;
import dev.cairn.order.domain.Order;
import dev.cairn.order.domain.OrderEvent;
import dev.cairn.order.domain.OrderStatus;
import dev.cairn.order.live.OrderUpdate;
import dev.cairn.order.live.OrderUpdates;
import dev.cairn.order.persistence.EventStore;
import dev.cairn.order.persistence.InventoryStore;
import dev.cairn.order.persistence.OrderViewEntity;
import dev.cairn.order.persistence.OrderViews;
import dev.cairn.order.persistence.SagaStore;
import dev.cairn.order.persistence.StoredEventEntity;
import dev.cairn.order.saga.OrderSaga;
import dev.cairn.order.saga.SagaStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders: placing (idempotent per key), cancelling, shipping, and the queries, which read only the read model
 * (and the event store for an order's history).
 */
@ApplicationScoped
public class Orders {

    private final EventStore events;
    private final OrderViews views;
    private final OrderPlacement placement;
    private final OrderUpdates updates;
    private final SagaStore sagas;
    private final InventoryStore inventory;
    private final OrderWriter writer;
    private final OrderSaga saga;
    private final Clock clock;
    private final MetricRegistry metrics;

    @Inject
    public Orders(EventStore events, OrderViews views, OrderPlacement placement, OrderUpdates updates, SagaStore sagas,
                  InventoryStore inventory, OrderWriter writer, OrderSaga saga, Clock clock,
                  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.events = events;
        this.views = views;
        this.placement = placement;
        this.updates = updates;
        this.sagas = sagas;
        this.inventory = inventory;
        this.writer = writer;
        this.saga = saga;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Places the order and starts its saga, or answers as the first request with this key did. A key reused for
     * another body is a 422.
     */
    public PlacedOrder place(PlaceOrder command) {
        PlacedOrder placed = placement.record(command);
        if (!placed.replay()) {
            Meters.counter(metrics, "cairn_orders_created").inc();
            updates.publish(new OrderUpdate(placed.orderId().toString(), OrderStatus.PENDING.name(), 1, null,
                    clock.instant()));
            saga.kick(placed.orderId());
        }
        return placed;
    }

    /**
     * Cancels a PENDING or CONFIRMED order (409 otherwise); the saga then gives back stock and money.
     *
     * @param actor who cancels (owner or admin)
     */
    public Order cancel(UUID orderId, String actor, String reason) {
        Order cancelled = command(orderId, actor, order -> order.cancel(actor, reason, clock.instant()),
                (before, after) -> sagas.redirect(orderId, SagaStep.COMPENSATE.name(), reason, clock.instant()));
        saga.kick(orderId);
        return cancelled;
    }

    /** Ships a CONFIRMED order (409 otherwise): its reserved stock leaves the warehouse. */
    public Order ship(UUID orderId, String actor) {
        return command(orderId, actor, order -> order.ship(actor, clock.instant()),
                (before, after) -> inventory.commit(orderId, clock.instant()));
    }

    @Transactional
    public Optional<OrderViewEntity> find(UUID orderId) {
        return views.find(orderId);
    }

    @Transactional
    public List<OrderViewEntity> list(String userId, OrderStatus status, PageRequest page) {
        return views.page(userId, status, page);
    }

    /** The order's events, oldest first. */
    @Transactional
    public List<StoredEventEntity> history(UUID orderId) {
        return events.load(EventStore.ORDER, orderId.toString());
    }

    private Order command(UUID orderId, String actor, java.util.function.Function<Order, OrderEvent> decide,
                          java.util.function.BiConsumer<Order, Order> alsoInTx) {
        try {
            return writer.change(orderId.toString(), actor, decide, alsoInTx);
        } catch (InvalidTransitionException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }
}
