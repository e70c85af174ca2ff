package dev.cairn.analytics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one event adds to the analytics windows: counters ({@code orders.created}, {@code orders.paid},
 * {@code users.registered}, {@code revenue.<currency>} in ten-thousandths), product views and units sold.
 *
 * @param counters   counter increments
 * @param views      product id to views
 * @param sales      product id to units sold
 * @param orderValue the total of a paid order, for the order-value anomaly detector
 */
public record Contribution(Map<String, Long> counters, Map<String, Long> views, Map<String, Long> sales,
                           Optional<Money> orderValue) {

    public static final String ORDERS_CREATED = "orders.created";
    public static final String ORDERS_PAID = "orders.paid";
    public static final String USERS_REGISTERED = "users.registered";
    public static final String REVENUE_PREFIX = "revenue.";
    /** Revenue is counted in ten-thousandths of the currency unit, so it adds up exactly in Redis integers. */
    public static final int REVENUE_SCALE = 4;

    /** The contribution of {@code event}; empty for event types analytics does not count. */
    public static Contribution of(CairnEvent event) {
        JsonNode data = event.data();
        return switch (event.type()) {
            case "order.created" -> counter(ORDERS_CREATED);
            case "user.created" -> counter(USERS_REGISTERED);
            case "product.viewed" -> new Contribution(Map.of(), Map.of(requireText(data, "productId", event), 1L),
                    Map.of(), Optional.empty());
            case "order.paid" -> paid(event);
            default -> new Contribution(Map.of(), Map.of(), Map.of(), Optional.empty());
        };
    }

    /** Whether the event adds nothing. */
    public boolean isEmpty() {
        return counters.isEmpty() && views.isEmpty() && sales.isEmpty();
    }

    private static Contribution counter(String name) {
        return new Contribution(Map.of(name, 1L), Map.of(), Map.of(), Optional.empty());
    }

    private static Contribution paid(CairnEvent event) {
        JsonNode data = event.data();
        String currency = requireText(data, "currency", event);
        BigDecimal total = decimal(data.path("total"), "total", event);
        Map<String, Long> sales = new HashMap<>();
        for (JsonNode line : data.path("lines")) {
            long quantity = line.path("quantity").asLong(0);
            if (quantity <= 0) {
                throw new IllegalArgumentException("order.paid " + event.id() + " has a line without a positive quantity");
            }
            sales.merge(requireText(line, "productId", event), quantity, Long::sum);
        }
        long revenue = total.movePointRight(REVENUE_SCALE).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        return new Contribution(Map.of(ORDERS_PAID, 1L, REVENUE_PREFIX + currency, revenue), Map.of(), sales,
                Optional.of(Money.of(total, currency)));
    }

    private static BigDecimal decimal(JsonNode node, String field, CairnEvent event) {
        try {
            return new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no decimal " + field, e);
        }
    }

    private static String requireText(JsonNode node, String field, CairnEvent event) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no " + field);
        }
        return value;
    }
}
