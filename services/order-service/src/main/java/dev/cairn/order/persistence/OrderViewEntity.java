package dev.cairn.order.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of the {@code orders_view} read model: the latest state of one order, for queries. */
@Entity
@Table(name = "orders_view")
public class OrderViewEntity {

    @Id
    private UUID id;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Column(nullable = false)
    private String status;
    @Column(nullable = false)
    private String items;
    @Column(name = "total_amount")
    private BigDecimal totalAmount;
    private String currency;
    private String reason;
    @Column(nullable = false)
    private String shipping;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(nullable = false)
    private long version;

    protected OrderViewEntity() {
    }

    public OrderViewEntity(UUID id) {
        this.id = id;
    }

    /** Copies the state; returns this. */
    public OrderViewEntity set(String userId, String status, String items, BigDecimal totalAmount, String currency,
                               String reason, String shipping, Instant createdAt, Instant updatedAt, long version) {
        this.userId = userId;
        this.status = status;
        this.items = items;
        this.totalAmount = totalAmount;
        this.currency = currency;
        this.reason = reason;
        this.shipping = shipping;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        return this;
    }

    public UUID id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String status() {
        return status;
    }

    public String items() {
        return items;
    }

    public BigDecimal totalAmount() {
        return totalAmount;
    }

    public String currency() {
        return currency;
    }

    public String reason() {
        return reason;
    }

    public String shipping() {
        return shipping;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    /** The row's content as one comparable value (rebuild verification). */
    public String fingerprint() {
        return String.join("|", id.toString(), userId, status, items,
                totalAmount == null ? "" : totalAmount.stripTrailingZeros().toPlainString(), String.valueOf(currency),
                String.valueOf(reason), shipping, createdAt.toString(), updatedAt.toString(), Long.toString(version));
    }
}
