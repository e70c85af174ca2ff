package dev.cairn.order.domain;

/**
 * The order status machine (CONTRACT.md section 3): PENDING → CONFIRMED | REJECTED; CONFIRMED → SHIPPED;
 * PENDING | CONFIRMED → CANCELLED.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED;

    /** Whether nothing can happen to the order any more. */
    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED || this == SHIPPED;
    }
}
