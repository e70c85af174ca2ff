package dev.cairn.product.api;

import dev.cairn.product.domain.Review;

import java.time.Instant;

/** A review as the API shows it. */
public record ReviewResponse(String id, String productId, String userId, String author, int rating, String text,
                             Instant createdAt) {

    static ReviewResponse of(Review review) {
        return new ReviewResponse(review.id(), review.productId(), review.userId(), review.author(), review.rating(),
                review.text(), review.createdAt());
    }
}
