package dev.cairn.order.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code event_store}: an event of one aggregate at one sequence. */
@Entity
@Table(name = "event_store")
public class StoredEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long position;
    @Column(nullable = false, updatable = false)
    private UUID id;
    @Column(name = "aggregate_type", nullable = false, updatable = false)
    private String aggregateType;
    @Column(name = "aggregate_id", nullable = false, updatable = false)
    private String aggregateId;
    @Column(nullable = false, updatable = false)
    private long sequence;
    @Column(nullable = false, updatable = false)
    private String type;
    @Column(nullable = false, updatable = false)
    private String payload;
    @Column(nullable = false, updatable = false)
    private String metadata;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected StoredEventEntity() {
    }

    public StoredEventEntity(UUID id, String aggregateType, String aggregateId, long sequence, String type,
                             String payload, String metadata, Instant occurredAt) {
        this.id = id;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.type = type;
        this.payload = payload;
        this.metadata = metadata;
        this.occurredAt = occurredAt;
    }

    public Long position() {
        return position;
    }

    public UUID id() {
        return id;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long sequence() {
        return sequence;
    }

    public String type() {
        return type;
    }

    public String payload() {
        return payload;
    }

    public String metadata() {
        return metadata;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
