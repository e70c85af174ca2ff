package dev.cairn.product.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A catalog entry.
 *
 * @param id          UUID
 * @param sku         stock keeping unit, unique in the catalog
 * @param name        display name
 * @param description free text
 * @param category    one category, e.g. {@code books}
 * @param tags        free tags
 * @param price       price in {@code currency}, scaled to its minor digits
 * @param currency    ISO 4217 code
 * @param rating      review summary
 * @param createdAt   creation time
 * @param updatedAt   time of the last change
 * @param version     optimistic-concurrency version and event sequence: 1 when created, +1 per change
 * @param unitsSold   units sold, counted from {@code order.paid} events
 */
public record Product(String id, String sku, String name, String description, String category, List<String> tags,
                      BigDecimal price, String currency, Rating rating, Instant createdAt, Instant updatedAt,
                      long version, long unitsSold) {

    public Product {
        tags = tags == null ? List.of() : List.copyOf(tags);
        rating = rating == null ? Rating.NONE : rating;
    }
}
