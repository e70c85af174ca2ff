package dev.cairn.order.persistence;

import dev.cairn.commons.json.Json;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.order.domain.Order;
import dev.cairn.order.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code orders_view} read model: written only by {@link #project} from an order's state after each appended
 * event (in the same transaction), read by every query endpoint. Joins the caller's transaction.
 */
@ApplicationScoped
public class OrderViews {

    private final OrdersPersistenceContext persistence;

    @Inject
    public OrderViews(OrdersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    /** Writes the row for the order's current state. */
    public void project(Order order) {
        UUID id = UUID.fromString(order.id());
        OrderViewEntity row = persistence.entityManager().find(OrderViewEntity.class, id);
        if (row == null) {
            persistence.entityManager().persist(fill(new OrderViewEntity(id), order));
        } else {
            fill(row, order);
        }
    }

    /** The row a projection of {@code order} writes, without storing it. */
    public static OrderViewEntity rowOf(Order order) {
        return fill(new OrderViewEntity(UUID.fromString(order.id())), order);
    }

    private static OrderViewEntity fill(OrderViewEntity row, Order order) {
        return row.set(order.userId(), order.status().name(), Json.write(order.lines()),
                order.total() == null ? null : order.total().setScale(2, RoundingMode.HALF_EVEN), order.currency(),
                order.reason(), Json.write(order.shipping()), order.createdAt(), order.updatedAt(), order.version());
    }

    public Optional<OrderViewEntity> find(UUID id) {
        return Optional.ofNullable(persistence.entityManager().find(OrderViewEntity.class, id));
    }

    /** Up to {@code limit + 1} orders, newest first, optionally of one user and/or status. */
    public List<OrderViewEntity> page(String userId, OrderStatus status, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select o from OrderViewEntity o where 1 = 1");
        if (userId != null) {
            jpql.append(" and o.userId = :user");
        }
        if (status != null) {
            jpql.append(" and o.status = :status");
        }
        if (!page.first()) {
            jpql.append(" and (o.createdAt < :time or (o.createdAt = :time and o.id < :id))");
        }
        jpql.append(" order by o.createdAt desc, o.id desc");
        TypedQuery<OrderViewEntity> query = persistence.entityManager().createQuery(jpql.toString(), OrderViewEntity.class);
        if (userId != null) {
            query.setParameter("user", userId);
        }
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (!page.first()) {
            query.setParameter("time", page.cursorPart(0, Instant::parse));
            query.setParameter("id", page.cursorPart(1, UUID::fromString));
        }
        return query.setMaxResults(page.limit() + 1).getResultList();
    }

    /** Every row, for comparing a rebuild with the live model. */
    public List<OrderViewEntity> all() {
        return persistence.entityManager().createQuery("select o from OrderViewEntity o", OrderViewEntity.class).getResultList();
    }

    /** Empties the read model (before a rebuild, in the same transaction). */
    public void clear() {
        persistence.entityManager().createQuery("delete from OrderViewEntity").executeUpdate();
        persistence.entityManager().flush();
        persistence.entityManager().clear();
    }
}
