package dev.cairn.order.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The one injection point of the {@code orders} persistence context. Every store goes through it, so all the work
 * of one transaction runs in one Hibernate session on one connection: with Helidon's JTA integration each
 * {@code @PersistenceContext} injection point has a session of its own, and a transaction spanning four stores
 * would hold four connections (and a burst of such transactions could starve the pool).
 */
@ApplicationScoped
public class OrdersPersistenceContext {

    @PersistenceContext(unitName = OrdersDataSource.NAME)
    EntityManager entityManager;

    /** The transaction's entity manager. */
    public EntityManager entityManager() {
        return entityManager;
    }
}
