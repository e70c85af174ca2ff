package dev.cairn.order.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The order's payment as the provider reported it ({@code payments}). Joins the caller's transaction. */
@ApplicationScoped
public class PaymentStore {

    /** Where a payment stands. */
    public enum Status { AUTHORIZED, CAPTURED, DECLINED, VOIDED, REFUNDED }

    /** One order's payment. */
    public record Payment(UUID orderId, String authorizationId, BigDecimal amount, String currency, Status status,
                          String reason) {
    }

    private final OrdersPersistenceContext persistence;

    @Inject
    public PaymentStore(OrdersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    public Optional<Payment> find(UUID orderId) {
        List<?> rows = persistence.entityManager().createNativeQuery("select order_id, authorization_id, amount, currency, status, reason "
                        + "from payments where order_id = ?1")
                .setParameter(1, orderId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new Payment((UUID) c[0], (String) c[1], (BigDecimal) c[2], (String) c[3], Status.valueOf((String) c[4]),
                    (String) c[5]);
        });
    }

    /** Records the payment's new status (creating the row on first use). */
    public void record(UUID orderId, String authorizationId, BigDecimal amount, String currency, Status status,
                       String reason, Instant now) {
        persistence.entityManager().createNativeQuery("insert into payments (order_id, authorization_id, amount, currency, status, "
                        + "reason, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (order_id) do update set "
                        + "authorization_id = coalesce(excluded.authorization_id, payments.authorization_id), "
                        + "status = excluded.status, reason = excluded.reason, updated_at = excluded.updated_at")
                .setParameter(1, orderId)
                .setParameter(2, authorizationId)
                .setParameter(3, amount)
                .setParameter(4, currency)
                .setParameter(5, status.name())
                .setParameter(6, reason)
                .setParameter(7, now)
                .executeUpdate();
    }
}
