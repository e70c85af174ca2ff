package dev.cairn.order.persistence;

import dev.cairn.order.domain.OrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Stock per product ({@code inventory}) and what each order holds ({@code inventory_reservations}). Reserving is one
 * conditional {@code UPDATE … WHERE available >= quantity} per line, in product order (no deadlocks between two
 * orders): concurrent orders can never take more than there is, and the CHECK constraints forbid negatives.
 * Joins the caller's transaction.
 */
@ApplicationScoped
public class InventoryStore {

    /**
     * Stock of one product.
     *
     * @param version incremented by every change (the sequence of {@code inventory.updated} events)
     */
    public record StockLevel(String productId, int available, int reserved, long version) {
    }

    /** A line could not be reserved. */
    public static class OutOfStockException extends RuntimeException {
        private final String productId;

        public OutOfStockException(String productId) {
            super("Not enough stock for product " + productId, null, false, false);
            this.productId = productId;
        }

        public String productId() {
            return productId;
        }
    }

    private final OrdersPersistenceContext persistence;

    @Inject
    public InventoryStore(OrdersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    public Optional<StockLevel> find(String productId) {
        List<?> rows = persistence.entityManager().createNativeQuery(
                        "select product_id, available, reserved, version from inventory where product_id = ?1")
                .setParameter(1, productId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new StockLevel((String) columns[0], ((Number) columns[1]).intValue(), ((Number) columns[2]).intValue(),
                    ((Number) columns[3]).longValue());
        });
    }

    /** Sets the available quantity (creating the row), returning the new level. */
    public StockLevel setAvailable(String productId, int available, Instant now) {
        persistence.entityManager().createNativeQuery("insert into inventory (product_id, available, reserved, updated_at, version) "
                        + "values (?1, ?2, 0, ?3, 1) on conflict (product_id) do update "
                        + "set available = excluded.available, updated_at = excluded.updated_at, version = inventory.version + 1")
                .setParameter(1, productId)
                .setParameter(2, available)
                .setParameter(3, now)
                .executeUpdate();
        return find(productId).orElseThrow();
    }

    /** Creates the product's row with no stock if it has none (a new product). */
    public boolean createIfMissing(String productId, Instant now) {
        return persistence.entityManager().createNativeQuery("insert into inventory (product_id, available, reserved, updated_at, version) "
                        + "values (?1, 0, 0, ?2, 1) on conflict (product_id) do nothing")
                .setParameter(1, productId)
                .setParameter(2, now)
                .executeUpdate() == 1;
    }

    /**
     * Reserves every line for the order, or none (the exception rolls the transaction back). Reserving again for an
     * order that already holds its reservations does nothing.
     *
     * @throws OutOfStockException for the first line that cannot be reserved
     */
    public void reserve(UUID orderId, List<OrderLine> lines, Instant now) {
        if (holds(orderId)) {
            return;
        }
        for (OrderLine line : lines.stream().sorted(Comparator.comparing(OrderLine::productId)).toList()) {
            int updated = persistence.entityManager().createNativeQuery("update inventory set available = available - ?1, "
                            + "reserved = reserved + ?1, updated_at = ?3, version = version + 1 "
                            + "where product_id = ?2 and available >= ?1")
                    .setParameter(1, line.quantity())
                    .setParameter(2, line.productId())
                    .setParameter(3, now)
                    .executeUpdate();
            if (updated != 1) {
                throw new OutOfStockException(line.productId());
            }
            persistence.entityManager().createNativeQuery("insert into inventory_reservations (order_id, product_id, quantity, status, "
                            + "updated_at) values (?1, ?2, ?3, 'RESERVED', ?4)")
                    .setParameter(1, orderId)
                    .setParameter(2, line.productId())
                    .setParameter(3, line.quantity())
                    .setParameter(4, now)
                    .executeUpdate();
        }
    }

    /** Puts the order's reserved stock back (compensation); idempotent. */
    public void release(UUID orderId, Instant now) {
        settle(orderId, "RELEASED", "available = available + r.quantity, reserved = reserved - r.quantity", now);
    }

    /** The order's reserved stock leaves the warehouse (shipping); idempotent. */
    public void commit(UUID orderId, Instant now) {
        settle(orderId, "COMMITTED", "reserved = reserved - r.quantity", now);
    }

    /** Records that {@code consumer} applied event {@code eventId}; false when it had already. */
    public boolean markProcessed(String consumer, String eventId, Instant now) {
        return persistence.entityManager().createNativeQuery("insert into processed_events (consumer, event_id, processed_at) "
                        + "values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, now)
                .executeUpdate() == 1;
    }

    /** Whether the order holds (or held) reservations. */
    public boolean holds(UUID orderId) {
        return ((Number) persistence.entityManager().createNativeQuery("select count(*) from inventory_reservations where order_id = ?1")
                .setParameter(1, orderId).getSingleResult()).longValue() > 0;
    }

    private void settle(UUID orderId, String newStatus, String change, Instant now) {
        persistence.entityManager().createNativeQuery("with settled as (update inventory_reservations set status = ?2, updated_at = ?3 "
                        + "where order_id = ?1 and status = 'RESERVED' returning product_id, quantity) "
                        + "update inventory i set " + change
                        + ", updated_at = ?3, version = i.version + 1 from settled r where i.product_id = r.product_id")
                .setParameter(1, orderId)
                .setParameter(2, newStatus)
                .setParameter(3, now)
                .executeUpdate();
    }
}
