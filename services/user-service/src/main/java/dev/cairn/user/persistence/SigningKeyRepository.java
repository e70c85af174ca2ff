package dev.cairn.user.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.function.Supplier;

/** Generated signing keys, shared by all replicas of the service through the database. */
@ApplicationScoped
public class SigningKeyRepository {

    private final UsersPersistenceContext persistence;

    @Inject
    public SigningKeyRepository(UsersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    /**
     * All generated keys, newest first; when there is none, {@code generate} makes one and it is stored. A
     * transaction-scoped advisory lock makes replicas that start together agree on one key.
     */
    @Transactional
    public List<SigningKeyEntity> loadOrCreate(Supplier<SigningKeyEntity> generate) {
        persistence.entityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('cairn.signing_keys'))").getSingleResult();
        List<SigningKeyEntity> keys = persistence.entityManager()
                .createQuery("select k from SigningKeyEntity k order by k.createdAt desc", SigningKeyEntity.class)
                .getResultList();
        if (!keys.isEmpty()) {
            return keys;
        }
        SigningKeyEntity created = generate.get();
        persistence.entityManager().persist(created);
        return List.of(created);
    }
}
