package dev.cairn.product.api;

import dev.cairn.commons.money.Money;
import dev.cairn.product.domain.Product;

import java.time.Instant;
import java.util.List;

/** A product in API v2: {@code price} is a Money object, {@code {"amount": "12.50", "currency": "EUR"}}. */
public record ProductV2Response(String id, String sku, String name, String description, String category,
                                List<String> tags, Money price, RatingResponse rating, Instant createdAt,
                                Instant updatedAt, long version, long unitsSold) {

    static ProductV2Response of(Product product) {
        return new ProductV2Response(product.id(), product.sku(), product.name(), product.description(),
                product.category(), product.tags(), Money.of(product.price(), product.currency()),
                RatingResponse.of(product.rating()), product.createdAt(), product.updatedAt(), product.version(),
                product.unitsSold());
    }
}
