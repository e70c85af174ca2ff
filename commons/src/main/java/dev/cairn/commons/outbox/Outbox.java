package dev.cairn.commons.outbox;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes events to the transactional outbox. Call {@link #append} inside the transaction that changes the
 * aggregate: the event is then stored if and only if the change is.
 */
public final class Outbox {

    private static final EventCodec CODEC = new EventCodec();

    private Outbox() {
    }

    /**
     * Adds {@code event} to the outbox through {@code entityManager} (which must take part in the current
     * transaction).
     *
     * @param aggregateType kind of aggregate, e.g. {@code user}; with the event's subject and sequence it is unique
     * @return the stored message
     */
    public static OutboxMessage append(EntityManager entityManager, String aggregateType, CairnEvent event) {
        OutboxMessage message = new OutboxMessage(UUID.fromString(event.id()), aggregateType, event.subject(),
                event.sequence(), event.type(), new String(CODEC.encode(event), StandardCharsets.UTF_8),
                event.time().toInstant());
        entityManager.persist(message);
        return message;
    }
}
