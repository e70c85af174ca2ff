package dev.cairn.order.persistence;

import dev.cairn.commons.json.Json;
import dev.cairn.commons.logging.TraceContext;
import dev.cairn.commons.problem.DatastoreFailures;
import dev.cairn.order.domain.OrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event store in {@code event_store}: append-only, one row per event, unique per (aggregate, sequence). It is
 * also the service's outbox: relays publish it in {@code position} order (see docs/EVENTS.md). Joins the caller's
 * transaction.
 */
@ApplicationScoped
public class EventStore {

    /** Aggregate type of orders. */
    public static final String ORDER = "order";
    /** Aggregate type of inventory rows. */
    public static final String INVENTORY = "inventory";

    private final OrdersPersistenceContext persistence;

    @Inject
    public EventStore(OrdersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    /** The order's events, oldest first. */
    public List<StoredEventEntity> load(String aggregateType, String aggregateId) {
        return persistence.entityManager().createQuery("select e from StoredEventEntity e where e.aggregateType = :type "
                        + "and e.aggregateId = :id order by e.sequence", StoredEventEntity.class)
                .setParameter("type", aggregateType)
                .setParameter("id", aggregateId)
                .getResultList();
    }

    public List<OrderEvent> loadOrder(String orderId) {
        return load(ORDER, orderId).stream().map(e -> OrderEventCodec.decode(e.type(), e.payload())).toList();
    }

    /**
     * Appends an order event at {@code sequence}, which must be the next one.
     *
     * @throws ConcurrentAppendException when another writer took that sequence first
     */
    public StoredEventEntity appendOrder(String orderId, long sequence, OrderEvent event, String actor) {
        return append(ORDER, orderId, sequence, event.type(), OrderEventCodec.encode(event), actor, event.at());
    }

    /** Appends any event (e.g. {@code inventory.updated}) with a JSON payload. */
    public StoredEventEntity append(String aggregateType, String aggregateId, long sequence, String type, String payload,
                                    String actor, java.time.Instant at) {
        Map<String, String> metadata = new LinkedHashMap<>();
        String traceparent = TraceContext.currentTraceparent();
        if (traceparent != null) {
            metadata.put("traceparent", traceparent);
        }
        if (actor != null) {
            metadata.put("actor", actor);
        }
        StoredEventEntity stored = new StoredEventEntity(UUID.randomUUID(), aggregateType, aggregateId, sequence, type,
                payload, Json.write(metadata), at);
        try {
            persistence.entityManager().persist(stored);
            persistence.entityManager().flush();
        } catch (PersistenceException e) {
            if (DatastoreFailures.isUniqueViolation(e)) {
                throw new ConcurrentAppendException(aggregateId, sequence);
            }
            throw e;
        }
        return stored;
    }

    /** Every order event in store order, for rebuilding the read model. */
    public List<StoredEventEntity> allOrderEvents() {
        return persistence.entityManager().createQuery("select e from StoredEventEntity e where e.aggregateType = :type "
                        + "order by e.position", StoredEventEntity.class)
                .setParameter("type", ORDER)
                .getResultList();
    }
}
