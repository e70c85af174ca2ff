package dev.cairn.user.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh tokens by hash and family; every method joins the caller's transaction. */
@ApplicationScoped
public class RefreshTokenRepository {

    private final UsersPersistenceContext persistence;

    @Inject
    public RefreshTokenRepository(UsersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    public void add(RefreshTokenEntity token) {
        persistence.entityManager().persist(token);
    }

    public Optional<RefreshTokenEntity> findByHash(String tokenHash) {
        return persistence.entityManager().createQuery("select t from RefreshTokenEntity t where t.tokenHash = :hash", RefreshTokenEntity.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    /**
     * Marks the token used if nobody did before: exactly one of two concurrent refreshes with the same token wins.
     *
     * @return whether this call used it
     */
    public boolean markUsed(UUID tokenId, Instant now) {
        return persistence.entityManager().createQuery("update RefreshTokenEntity t set t.usedAt = :now "
                        + "where t.id = :id and t.usedAt is null and t.revokedAt is null")
                .setParameter("now", now)
                .setParameter("id", tokenId)
                .executeUpdate() == 1;
    }

    /** Revokes every token of the family that is not revoked yet; returns how many. */
    public int revokeFamily(UUID familyId, Instant now) {
        return persistence.entityManager().createQuery("update RefreshTokenEntity t set t.revokedAt = :now "
                        + "where t.familyId = :family and t.revokedAt is null")
                .setParameter("now", now)
                .setParameter("family", familyId)
                .executeUpdate();
    }

    /** Revokes every token of the user (password change, deletion). */
    public int revokeAllOf(UUID userId, Instant now) {
        return persistence.entityManager().createQuery("update RefreshTokenEntity t set t.revokedAt = :now "
                        + "where t.userId = :user and t.revokedAt is null")
                .setParameter("now", now)
                .setParameter("user", userId)
                .executeUpdate();
    }
}
