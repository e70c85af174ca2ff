package dev.cairn.commons.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One event waiting in the transactional outbox ({@code cairn_outbox}, created by the shared migration in
 * {@code db/outbox}). A service persists it in the same transaction as the state change it describes; the relay
 * publishes it and sets {@code publishedAt}. List this class in the service's {@code persistence.xml}.
 */
@Entity
@Table(name = "cairn_outbox")
public class OutboxMessage {

    @Id
    private UUID id;
    @Column(name = "aggregate_type", nullable = false, updatable = false)
    private String aggregateType;
    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;
    @Column(nullable = false, updatable = false)
    private long sequence;
    @Column(name = "event_type", nullable = false, updatable = false)
    private String eventType;
    @Column(nullable = false, updatable = false)
    private String payload;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;

    protected OutboxMessage() {
    }

    OutboxMessage(UUID id, String aggregateType, String aggregateId, long sequence, String eventType, String payload,
                  Instant createdAt) {
        this.id = id;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.eventType = eventType;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequence() {
        return sequence;
    }

    public String eventType() {
        return eventType;
    }

    /** The event as structured CloudEvents JSON, exactly as it will be published. */
    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
