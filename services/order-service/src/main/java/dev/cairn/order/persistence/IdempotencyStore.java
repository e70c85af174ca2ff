package dev.cairn.order.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key}s of order creation, per user, kept 24 hours. Claiming a key is an
 * {@code INSERT … ON CONFLICT DO NOTHING}: of concurrent requests with one key exactly one inserts (the others wait
 * for its transaction, then see its row). Joins the caller's transaction.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** How long a key is remembered. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /** What the first request with a key answered. */
    public record StoredResponse(String requestHash, int status, String body, UUID orderId) {
    }

    private final OrdersPersistenceContext persistence;

    @Inject
    public IdempotencyStore(OrdersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    /**
     * Claims the key for this request.
     *
     * @return empty if the key is new (the caller now creates the order), else what the first request answered
     */
    public Optional<StoredResponse> claim(String userId, String key, String requestHash, int status, String body,
                                          UUID orderId, Instant now) {
        persistence.entityManager().createNativeQuery("delete from idempotency_keys where user_id = ?1 and idempotency_key = ?2 "
                        + "and created_at < ?3")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, now.minus(RETENTION))
                .executeUpdate();
        int inserted = persistence.entityManager().createNativeQuery("insert into idempotency_keys (user_id, idempotency_key, request_hash, "
                        + "response_status, response_body, order_id, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                        + "on conflict (user_id, idempotency_key) do nothing")
                .setParameter(1, userId).setParameter(2, key).setParameter(3, requestHash).setParameter(4, status)
                .setParameter(5, body).setParameter(6, orderId).setParameter(7, now)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        List<?> rows = persistence.entityManager().createNativeQuery("select request_hash, response_status, response_body, order_id "
                        + "from idempotency_keys where user_id = ?1 and idempotency_key = ?2")
                .setParameter(1, userId).setParameter(2, key).getResultList();
        Object[] row = (Object[]) rows.getFirst();
        return Optional.of(new StoredResponse(((String) row[0]).trim(), ((Number) row[1]).intValue(), (String) row[2],
                (UUID) row[3]));
    }
}
