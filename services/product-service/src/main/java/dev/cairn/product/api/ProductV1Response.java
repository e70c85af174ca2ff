package dev.cairn.product.api;

import dev.cairn.commons.money.Money;
import dev.cairn.product.domain.Product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product in API v1: {@code price} is a JSON number next to {@code currency}. Deprecated in favour of v2. */
public record ProductV1Response(String id, String sku, String name, String description, String category,
                                List<String> tags, BigDecimal price, String currency, RatingResponse rating,
                                Instant createdAt, Instant updatedAt, long version, long unitsSold) {

    static ProductV1Response of(Product product) {
        return new ProductV1Response(product.id(), product.sku(), product.name(), product.description(),
                product.category(), product.tags(), Money.scaled(product.price(), product.currency()),
                product.currency(), RatingResponse.of(product.rating()), product.createdAt(), product.updatedAt(),
                product.version(), product.unitsSold());
    }
}
