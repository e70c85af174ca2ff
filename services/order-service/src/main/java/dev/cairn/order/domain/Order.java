package dev.cairn.order.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The order aggregate, rebuilt from its events. Commands check the status machine and return the event to append;
 * they never change the order themselves (apply the event to get the next state).
 *
 * @param version number of events applied (the sequence of the last one)
 */
public record Order(String id, String userId, OrderStatus status, List<OrderLine> lines, ShippingAddress shipping,
                    BigDecimal total, String currency, String reason, Instant createdAt, Instant updatedAt,
                    long version) {

    /** Rebuilds an order from its events, oldest first. */
    public static Order replay(List<OrderEvent> events) {
        if (events.isEmpty() || !(events.getFirst() instanceof OrderEvent.Created)) {
            throw new IllegalArgumentException("an order's history starts with order.created");
        }
        Order order = null;
        for (OrderEvent event : events) {
            order = order == null ? created((OrderEvent.Created) event) : order.apply(event);
        }
        return order;
    }

    private static Order created(OrderEvent.Created event) {
        return new Order(event.orderId(), event.userId(), OrderStatus.PENDING, List.copyOf(event.lines()),
                event.shipping(), null, null, null, event.at(), event.at(), 1);
    }

    /** The state after {@code event}. */
    public Order apply(OrderEvent event) {
        long next = version + 1;
        return switch (event) {
            case OrderEvent.Created created -> throw new IllegalStateException("order " + id + " was already created");
            case OrderEvent.Paid paid -> new Order(id, userId, OrderStatus.CONFIRMED, List.copyOf(paid.lines()), shipping,
                    paid.total(), paid.currency(), null, createdAt, paid.at(), next);
            case OrderEvent.Rejected rejected -> new Order(id, userId, OrderStatus.REJECTED, lines, shipping, total,
                    currency, rejected.reason(), createdAt, rejected.at(), next);
            case OrderEvent.Cancelled cancelled -> new Order(id, userId, OrderStatus.CANCELLED, lines, shipping, total,
                    currency, cancelled.reason(), createdAt, cancelled.at(), next);
            case OrderEvent.Shipped shipped -> new Order(id, userId, OrderStatus.SHIPPED, lines, shipping, total,
                    currency, null, createdAt, shipped.at(), next);
        };
    }

    /** A new order (not yet priced). */
    public static OrderEvent.Created place(String orderId, String userId, List<OrderLine> lines, ShippingAddress shipping,
                                           Instant now) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        return new OrderEvent.Created(orderId, userId, merge(lines), shipping, now);
    }

    /** Confirms a PENDING order whose lines are priced in one currency. */
    public OrderEvent.Paid pay(List<OrderLine> pricedLines, String authorizationId, Instant now) {
        require(status == OrderStatus.PENDING, "only a PENDING order can be paid");
        String priceCurrency = pricedLines.getFirst().currency();
        BigDecimal sum = pricedLines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderEvent.Paid(pricedLines, sum, priceCurrency, authorizationId, now);
    }

    public OrderEvent.Rejected reject(String why, Instant now) {
        require(status == OrderStatus.PENDING, "only a PENDING order can be rejected");
        return new OrderEvent.Rejected(why, now);
    }

    public OrderEvent.Cancelled cancel(String by, String why, Instant now) {
        require(status == OrderStatus.PENDING || status == OrderStatus.CONFIRMED,
                "a " + status + " order cannot be cancelled");
        return new OrderEvent.Cancelled(by, why, now);
    }

    public OrderEvent.Shipped ship(String by, Instant now) {
        require(status == OrderStatus.CONFIRMED, "a " + status + " order cannot be shipped");
        return new OrderEvent.Shipped(by, now);
    }

    /** The total of priced lines. */
    public static BigDecimal totalOf(List<OrderLine> pricedLines) {
        return pricedLines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<OrderLine> merge(List<OrderLine> lines) {
        List<OrderLine> merged = new ArrayList<>();
        for (OrderLine line : lines) {
            int index = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).productId().equals(line.productId())) {
                    index = i;
                }
            }
            if (index < 0) {
                merged.add(line);
            } else {
                OrderLine existing = merged.get(index);
                merged.set(index, new OrderLine(existing.productId(), existing.quantity() + line.quantity(), null, null));
            }
        }
        return List.copyOf(merged);
    }

    private void require(boolean allowed, String message) {
        if (!allowed) {
            throw new InvalidTransitionException("Order " + id + ": " + message);
        }
    }
}
