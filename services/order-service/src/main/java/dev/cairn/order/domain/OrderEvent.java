package dev.cairn.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What happened to an order; the order is the fold of its events. Each maps to a contract event type.
 */
public sealed interface OrderEvent {

    /** The CloudEvents type, e.g. {@code order.created}. */
    String type();

    /** When it happened. */
    Instant at();

    /** A customer placed the order. */
    record Created(String orderId, String userId, List<OrderLine> lines, ShippingAddress shipping, Instant at)
            implements OrderEvent {
        public String type() {
            return "order.created";
        }
    }

    /** Stock was reserved and the payment captured: the order is CONFIRMED. */
    record Paid(List<OrderLine> lines, BigDecimal total, String currency, String authorizationId, Instant at)
            implements OrderEvent {
        public String type() {
            return "order.paid";
        }
    }

    /** The saga could not complete the order. */
    record Rejected(String reason, Instant at) implements OrderEvent {
        public String type() {
            return "order.rejected";
        }
    }

    /** The owner or an admin cancelled it. */
    record Cancelled(String by, String reason, Instant at) implements OrderEvent {
        public String type() {
            return "order.cancelled";
        }
    }

    /** An admin shipped it. */
    record Shipped(String by, Instant at) implements OrderEvent {
        public String type() {
            return "order.shipped";
        }
    }
}
