package dev.cairn.order.service;

import dev.cairn.commons.json.Json;
import dev.cairn.commons.logging.LogField;
import dev.cairn.commons.logging.TraceContext;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.order.domain.Order;
import dev.cairn.order.domain.OrderEvent;
import dev.cairn.order.domain.OrderStatus;
import dev.cairn.order.persistence.EventStore;
import dev.cairn.order.persistence.IdempotencyStore;
import dev.cairn.order.persistence.OrderViews;
import dev.cairn.order.persistence.SagaStore;
import dev.cairn.order.saga.SagaStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records a new order in one transaction: the idempotency key, {@code order.created}, the read-model row and the
 * saga's first step. Of concurrent requests with one key, one records the order and the others get its answer.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class.getName());

    private final EventStore events;
    private final OrderViews views;
    private final IdempotencyStore keys;
    private final SagaStore sagas;
    private final Clock clock;

    @Inject
    public OrderPlacement(EventStore events, OrderViews views, IdempotencyStore keys, SagaStore sagas, Clock clock) {
        this.events = events;
        this.views = views;
        this.keys = keys;
        this.sagas = sagas;
        this.clock = clock;
    }

    @Transactional
    public PlacedOrder record(PlaceOrder command) {
        UUID orderId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", orderId.toString());
        body.put("status", OrderStatus.PENDING.name());
        String json = Json.write(body);
        Instant now = clock.instant();
        Optional<IdempotencyStore.StoredResponse> earlier = keys.claim(command.userId(), command.idempotencyKey(),
                command.requestHash(), 202, json, orderId, now);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(command.requestHash())) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "Idempotency-Key '" + command.idempotencyKey()
                        + "' was already used for a different order; use a new key for a new order");
            }
            return new PlacedOrder(earlier.get().orderId(), earlier.get().status(), earlier.get().body(), true);
        }
        OrderEvent.Created created = Order.place(orderId.toString(), command.userId(), command.lines(),
                command.shipping(), now);
        events.appendOrder(orderId.toString(), 1, created, command.userId());
        views.project(Order.replay(List.of(created)));
        sagas.start(orderId, command.paymentToken(), SagaStep.PRICE.name(), now, TraceContext.currentTraceparent());
        LOG.log(Level.INFO, "order accepted", new Object[] {LogField.of("orderId", orderId.toString()),
                LogField.of("lines", command.lines().size())});
        return new PlacedOrder(orderId, 202, json, false);
    }

}
