package dev.cairn.order.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Persisted saga state ({@code order_sagas}): the step each order's saga has reached and who works on it. An
 * instance works on a saga only while it holds its lease, so two instances never run one saga at once, and a saga
 * whose instance died is taken over when the lease runs out. Joins the caller's transaction.
 */
@ApplicationScoped
public class SagaStore {

    /**
     * One saga.
     *
     * @param state        the next step to run (see {@code OrderSaga.Step})
     * @param paymentToken the customer's payment token
     * @param prices       price snapshot as JSON, once priced
     * @param attempts     failed attempts of the current step
     * @param lastError    why the last attempt failed (also the rejection reason while compensating)
     * @param traceparent  the trace of the request that placed the order (null when it had none)
     */
    public record SagaState(UUID orderId, String state, String paymentToken, String prices, int attempts,
                            String lastError, Instant startedAt, String traceparent) {
    }

    private final OrdersPersistenceContext persistence;

    @Inject
    public SagaStore(OrdersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    public void start(UUID orderId, String paymentToken, String firstStep, Instant now, String traceparent) {
        persistence.entityManager().createNativeQuery("insert into order_sagas (order_id, state, payment_token, next_attempt_at, "
                        + "started_at, updated_at, traceparent) values (?1, ?2, ?3, ?4, ?4, ?4, ?5)")
                .setParameter(1, orderId)
                .setParameter(2, firstStep)
                .setParameter(3, paymentToken)
                .setParameter(4, now)
                .setParameter(5, traceparent)
                .executeUpdate();
    }

    public Optional<SagaState> find(UUID orderId) {
        List<?> rows = persistence.entityManager().createNativeQuery("select order_id, state, payment_token, prices, attempts, last_error, "
                        + "started_at, traceparent from order_sagas where order_id = ?1")
                .setParameter(1, orderId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new SagaState((UUID) c[0], (String) c[1], (String) c[2], (String) c[3], ((Number) c[4]).intValue(),
                    (String) c[5], toInstant(c[6]), (String) c[7]);
        });
    }

    /**
     * Takes the lease of a saga that is due and not leased by a live instance.
     *
     * @return whether this instance now owns it
     */
    public boolean claim(UUID orderId, String owner, Duration lease, Instant now) {
        return persistence.entityManager().createNativeQuery("update order_sagas set lease_owner = ?2, lease_until = ?3 "
                        + "where order_id = ?1 and state <> 'COMPLETED' and next_attempt_at <= ?4 "
                        + "and (lease_until is null or lease_until < ?4 or lease_owner = ?2)")
                .setParameter(1, orderId)
                .setParameter(2, owner)
                .setParameter(3, now.plus(lease))
                .setParameter(4, now)
                .executeUpdate() == 1;
    }

    /** Sagas that are due and whose lease is free, oldest first. */
    public List<UUID> due(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = persistence.entityManager().createNativeQuery("select order_id from order_sagas where state <> 'COMPLETED' "
                        + "and next_attempt_at <= ?1 and (lease_until is null or lease_until < ?1) "
                        + "order by next_attempt_at limit ?2")
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
        return ids;
    }

    /** Moves to the next step, keeping the lease; resets the attempts. */
    public void advance(UUID orderId, String nextStep, String prices, String reason, Instant now) {
        persistence.entityManager().createNativeQuery("update order_sagas set state = ?2, prices = coalesce(?3, prices), "
                        + "last_error = coalesce(?4, last_error), attempts = 0, next_attempt_at = ?5, updated_at = ?5 "
                        + "where order_id = ?1")
                .setParameter(1, orderId)
                .setParameter(2, nextStep)
                .setParameter(3, prices)
                .setParameter(4, reason)
                .setParameter(5, now)
                .executeUpdate();
    }

    /** Records a failed attempt and when to try again; the lease is given up. */
    public void retryLater(UUID orderId, String error, Instant nextAttempt, Instant now) {
        persistence.entityManager().createNativeQuery("update order_sagas set attempts = attempts + 1, last_error = ?2, "
                        + "next_attempt_at = ?3, lease_owner = null, lease_until = null, updated_at = ?4 where order_id = ?1")
                .setParameter(1, orderId)
                .setParameter(2, error)
                .setParameter(3, nextAttempt)
                .setParameter(4, now)
                .executeUpdate();
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime offset -> offset.toInstant();
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }
}
