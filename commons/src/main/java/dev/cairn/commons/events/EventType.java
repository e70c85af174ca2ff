package dev.cairn.commons.events;

import java.util.Arrays;
import java.util.Optional;

/** The domain event types of CONTRACT.md section 4; {@link #value()} is the CloudEvents type and routing key. */
public enum EventType {
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DELETED("user.deleted"),
    PRODUCT_CREATED("product.created"),
    PRODUCT_UPDATED("product.updated"),
    PRODUCT_DELETED("product.deleted"),
    PRODUCT_VIEWED("product.viewed"),
    ORDER_CREATED("order.created"),
    ORDER_PAID("order.paid"),
    ORDER_REJECTED("order.rejected"),
    ORDER_CANCELLED("order.cancelled"),
    ORDER_SHIPPED("order.shipped"),
    INVENTORY_UPDATED("inventory.updated"),
    REVIEW_CREATED("review.created");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    /** The wire name, e.g. {@code order.created}. */
    public String value() {
        return value;
    }

    /** The type with this wire name, if it is one of Cairn's. */
    public static Optional<EventType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
