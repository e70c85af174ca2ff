package dev.cairn.order.live;

import java.time.Instant;

/**
 * A status change of an order, as published on Redis channel {@code cairn.orders.<orderId>} and sent to SSE
 * subscribers.
 */
public record OrderUpdate(String orderId, String status, long version, String reason, Instant at) {
}
