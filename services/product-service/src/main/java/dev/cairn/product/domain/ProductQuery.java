package dev.cairn.product.domain;

import java.math.BigDecimal;

/**
 * What a product list asks for; {@code null} fields do not filter.
 *
 * @param text     search words ({@code ?q=})
 * @param category exact category
 * @param tag      one tag the product must carry
 * @param minPrice lowest price, inclusive
 * @param maxPrice highest price, inclusive
 * @param sort     the order
 */
public record ProductQuery(String text, String category, String tag, BigDecimal minPrice, BigDecimal maxPrice,
                           ProductSort sort) {

    /** A stable text form of the query, used as a cache key. */
    public String key() {
        return String.join("|", String.valueOf(text), String.valueOf(category), String.valueOf(tag),
                minPrice == null ? "null" : minPrice.stripTrailingZeros().toPlainString(),
                maxPrice == null ? "null" : maxPrice.stripTrailingZeros().toPlainString(), sort.value());
    }
}
