package dev.cairn.order.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.money.Money;
import dev.cairn.order.domain.OrderLine;
import dev.cairn.order.domain.ShippingAddress;
import dev.cairn.order.persistence.OrderViewEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it (from the read model). {@code total} and prices appear once the order is priced. */
public record OrderResponse(String id, String userId, String status, List<Line> items, Money total, String reason,
                            ShippingAddress shippingAddress, Instant createdAt, Instant updatedAt, long version) {

    /** One line with its unit price once priced. */
    public record Line(String productId, int quantity, Money unitPrice) {
    }

    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };

    static OrderResponse of(OrderViewEntity view) {
        try {
            List<Line> lines = Json.mapper().readValue(view.items(), LINES).stream()
                    .map(line -> new Line(line.productId(), line.quantity(),
                            line.unitPrice() == null ? null : Money.of(line.unitPrice(), line.currency())))
                    .toList();
            return new OrderResponse(view.id().toString(), view.userId(), view.status(), lines,
                    view.totalAmount() == null ? null : Money.of(view.totalAmount(), view.currency()), view.reason(),
                    Json.mapper().readValue(view.shipping(), ShippingAddress.class), view.createdAt(), view.updatedAt(),
                    view.version());
        } catch (IOException e) {
            throw new UncheckedIOException("orders_view row " + view.id() + " cannot be read", e);
        }
    }
}
