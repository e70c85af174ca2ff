package dev.cairn.product.api;

import dev.cairn.product.domain.Rating;

import java.math.BigDecimal;

/** {@code rating {average, count}} of a product. */
public record RatingResponse(BigDecimal average, long count) {

    static RatingResponse of(Rating rating) {
        return new RatingResponse(rating.average(), rating.count());
    }
}
