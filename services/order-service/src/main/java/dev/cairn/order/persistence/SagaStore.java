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
 * instance works on a saga only while it holds its lease, so two runs never work on one saga at once, and a saga
 * whose instance died is taken over when the lease runs out. Moving a saga on is fenced by the lease, so a runner
 * whose lease ran out (a long pause) cannot commit a step that its successor is running too. Joins the caller's transaction.
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

    /**
     * Takes the lease of a saga that is due and not leased by another runner (or renews {@code runner}'s own).
     * Every run of a saga claims it under a runner id of its own, so two runs never work on one saga at once, not
     * even two in the same instance (the poller and a kick can both find a new saga).
     *
     * @return the saga as this runner now holds it, or empty when it is not due, completed or leased to another
     */
    public Optional<SagaState> claim(UUID orderId, String runner, Duration lease, Instant now) {
        List<?> rows = persistence.entityManager().createNativeQuery("update order_sagas set lease_owner = ?2, lease_until = ?3 "
                        + "where order_id = ?1 and state <> 'COMPLETED' and next_attempt_at <= ?4 "
                        + "and (lease_until is null or lease_until < ?4 or lease_owner = ?2) "
                        + "returning order_id, state, payment_token, prices, attempts, last_error, started_at, traceparent")
                .setParameter(1, orderId)
                .setParameter(2, runner)
                .setParameter(3, now.plus(lease))
                .setParameter(4, now)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new SagaState((UUID) c[0], (String) c[1], (String) c[2], (String) c[3], ((Number) c[4]).intValue(),
                    (String) c[5], toInstant(c[6]), (String) c[7]);
        });
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

    /**
     * Moves to the next step, keeping the lease (giving it up at COMPLETED); resets the attempts. Fenced: only the
     * runner holding the lease moves the saga on.
     *
     * @throws LeaseLostException when {@code runner} no longer holds the lease (its lease ran out and another runner
     *                            took the saga over): the caller's transaction, with the step's effects, must roll back
     */
    public void advance(UUID orderId, String runner, String nextStep, String prices, String reason, Instant now) {
        // a completed saga gives its lease up, so that a cancellation can run the compensation at once
        int updated = persistence.entityManager().createNativeQuery("update order_sagas set state = ?2, prices = coalesce(?3, prices), "
                        + "last_error = coalesce(?4, last_error), attempts = 0, next_attempt_at = ?5, updated_at = ?5, "
                        + "lease_owner = case when ?2 = 'COMPLETED' then null else lease_owner end, "
                        + "lease_until = case when ?2 = 'COMPLETED' then null else lease_until end "
                        + "where order_id = ?1 and lease_owner = ?6")
                .setParameter(1, orderId)
                .setParameter(2, nextStep)
                .setParameter(3, prices)
                .setParameter(4, reason)
                .setParameter(5, now)
                .setParameter(6, runner)
                .executeUpdate();
        if (updated != 1) {
            throw new LeaseLostException(orderId, runner);
        }
    }

    /**
     * Sends the saga to {@code step} whoever holds it (an order cancelled by its owner); a runner that holds the
     * lease sees the order's new status before its next step.
     */
    public void redirect(UUID orderId, String step, String reason, Instant now) {
        persistence.entityManager().createNativeQuery("update order_sagas set state = ?2, last_error = coalesce(?3, last_error), "
                        + "attempts = 0, next_attempt_at = ?4, updated_at = ?4 where order_id = ?1")
                .setParameter(1, orderId)
                .setParameter(2, step)
                .setParameter(3, reason)
                .setParameter(4, now)
                .executeUpdate();
    }

    /** Records a failed attempt and when to try again, and gives up the lease (if {@code runner} still holds it). */
    public void retryLater(UUID orderId, String runner, String error, Instant nextAttempt, Instant now) {
        persistence.entityManager().createNativeQuery("update order_sagas set attempts = attempts + 1, last_error = ?2, "
                        + "next_attempt_at = ?3, lease_owner = null, lease_until = null, updated_at = ?4 "
                        + "where order_id = ?1 and lease_owner = ?5")
                .setParameter(1, orderId)
                .setParameter(2, error)
                .setParameter(3, nextAttempt)
                .setParameter(4, now)
                .setParameter(5, runner)
                .executeUpdate();
    }

    /** A runner tried to move on a saga whose lease it no longer holds. */
    public static final class LeaseLostException extends RuntimeException {
        public LeaseLostException(UUID orderId, String runner) {
            super("Saga of order " + orderId + " is no longer leased to " + runner, null, false, false);
        }
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
