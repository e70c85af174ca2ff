package dev.cairn.user.persistence;

import dev.cairn.commons.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users and their login failures; every method joins the caller's transaction. */
@ApplicationScoped
public class UserRepository {

    private final UsersPersistenceContext persistence;

    @Inject
    public UserRepository(UsersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    public Optional<UserEntity> find(UUID id) {
        return Optional.ofNullable(persistence.entityManager().find(UserEntity.class, id));
    }

    /** The user, with its row locked until the transaction ends (for changes that emit an event). */
    public Optional<UserEntity> findForUpdate(UUID id) {
        return Optional.ofNullable(persistence.entityManager().find(UserEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The user with this email, ignoring case (served by the {@code lower(email)} index). */
    public Optional<UserEntity> findByEmail(String email) {
        return persistence.entityManager().createQuery("select u from UserEntity u where lower(u.email) = :email", UserEntity.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .getResultStream()
                .findFirst();
    }

    public void add(UserEntity user) {
        persistence.entityManager().persist(user);
    }

    public void remove(UserEntity user) {
        persistence.entityManager().remove(user);
    }

    /**
     * One page of users in (createdAt, id) order whose email or name contains {@code query} (case-insensitive;
     * {@code %} and {@code _} match themselves). Returns up to {@code limit + 1} rows.
     */
    public List<UserEntity> page(String query, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select u from UserEntity u where 1 = 1");
        if (query != null && !query.isBlank()) {
            jpql.append(" and (lower(u.email) like :pattern escape '\\' or lower(u.name) like :pattern escape '\\')");
        }
        if (!page.first()) {
            jpql.append(" and (u.createdAt > :afterTime or (u.createdAt = :afterTime and u.id > :afterId))");
        }
        jpql.append(" order by u.createdAt, u.id");
        TypedQuery<UserEntity> select = persistence.entityManager().createQuery(jpql.toString(), UserEntity.class);
        if (query != null && !query.isBlank()) {
            select.setParameter("pattern", "%" + escapeLike(query.trim().toLowerCase(Locale.ROOT)) + "%");
        }
        if (!page.first()) {
            select.setParameter("afterTime", page.cursorPart(0, Instant::parse));
            select.setParameter("afterId", page.cursorPart(1, UUID::fromString));
        }
        return select.setMaxResults(page.limit() + 1).getResultList();
    }

    public void addLoginFailure(UUID userId, Instant at) {
        persistence.entityManager().persist(new LoginFailureEntity(userId, at));
    }

    public long countLoginFailuresSince(UUID userId, Instant since) {
        return persistence.entityManager().createQuery("select count(f) from LoginFailureEntity f where f.userId = :user and f.failedAt >= :since",
                        Long.class)
                .setParameter("user", userId)
                .setParameter("since", since)
                .getSingleResult();
    }

    public void clearLoginFailures(UUID userId) {
        persistence.entityManager().createQuery("delete from LoginFailureEntity f where f.userId = :user")
                .setParameter("user", userId)
                .executeUpdate();
    }

    /** Records that {@code consumer} applied event {@code eventId}; false when it had already. */
    public boolean markProcessed(String consumer, String eventId, Instant now) {
        return persistence.entityManager().createNativeQuery("insert into processed_events (consumer, event_id, processed_at) "
                        + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, eventId).setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** Adds one to the user's order count; false when there is no such user. */
    public boolean countOrder(UUID userId) {
        return persistence.entityManager().createNativeQuery("update users set order_count = order_count + 1 where id = ?1")
                .setParameter(1, userId).executeUpdate() == 1;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
