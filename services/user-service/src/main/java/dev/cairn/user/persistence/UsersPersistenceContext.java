package dev.cairn.user.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one injection point of the {@code users} persistence context. Every repository goes through it, so all the
 * work of one transaction runs in one Hibernate session on one connection: with Helidon's JTA integration each
 * {@code @PersistenceContext} injection point has a session of its own, and a login touching three repositories
 * would hold three connections (a burst of logins could starve the pool).
 */
@ApplicationScoped
public class UsersPersistenceContext {

    @PersistenceContext(unitName = UsersDataSource.NAME)
    EntityManager entityManager;

    /** The transaction's entity manager. */
    public EntityManager entityManager() {
        return entityManager;
    }
}
