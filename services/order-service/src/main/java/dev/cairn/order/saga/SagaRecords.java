package dev.cairn.order.saga;

import dev.cairn.order.domain.Order;
import dev.cairn.order.domain.OrderLine;
import dev.cairn.order.persistence.InventoryStore;
import dev.cairn.order.persistence.PaymentStore;
import dev.cairn.order.persistence.SagaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The saga's database work, each method one transaction (the saga's external calls happen between them). A step's
 * effects commit together with the move to the next step, which only the runner holding the lease can make.
 */
@ApplicationScoped
public class SagaRecords {

    private final SagaStore sagas;
    private final InventoryStore inventory;
    private final PaymentStore payments;

    @Inject
    public SagaRecords(SagaStore sagas, InventoryStore inventory, PaymentStore payments) {
        this.sagas = sagas;
        this.inventory = inventory;
        this.payments = payments;
    }

    @Transactional
    public Optional<SagaStore.SagaState> claim(UUID orderId, String runner, java.time.Duration lease, Instant now) {
        return sagas.claim(orderId, runner, lease, now);
    }

    @Transactional
    public List<UUID> due(Instant now, int limit) {
        return sagas.due(now, limit);
    }

    @Transactional
    public void advance(UUID orderId, String runner, SagaStep next, String prices, String reason, Instant now) {
        sagas.advance(orderId, runner, next.name(), prices, reason, now);
    }

    @Transactional
    public void retryLater(UUID orderId, String runner, String error, Instant at, Instant now) {
        sagas.retryLater(orderId, runner, error, at, now);
    }

    /** Reserves the lines and moves to PAY in one transaction. */
    @Transactional
    public void reserve(UUID orderId, String runner, List<OrderLine> lines, Instant now) {
        inventory.reserve(orderId, lines, now);
        sagas.advance(orderId, runner, SagaStep.PAY.name(), null, null, now);
    }

    /** Records the payment's status and moves to the next step in one transaction. */
    @Transactional
    public void payment(UUID orderId, String runner, String authorizationId, BigDecimal amount, String currency,
                        PaymentStore.Status status, String reason, SagaStep next, Instant now) {
        payments.record(orderId, authorizationId, amount, currency, status, reason, now);
        sagas.advance(orderId, runner, next.name(), null, status == PaymentStore.Status.DECLINED ? reason : null, now);
    }

    @Transactional
    public Optional<PaymentStore.Payment> paymentOf(UUID orderId) {
        return payments.find(orderId);
    }

    /** Gives the stock back; the caller then rejects the order or leaves it cancelled. */
    @Transactional
    public void releaseStock(UUID orderId, Instant now) {
        inventory.release(orderId, now);
    }

    /** The order's total, for the payment. */
    static BigDecimal total(List<OrderLine> priced) {
        return Order.totalOf(priced);
    }
}
