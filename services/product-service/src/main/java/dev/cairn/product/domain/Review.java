package dev.cairn.product.domain;

import java.time.Instant;

/**
 * A customer's review of a product; one per customer and product.
 *
 * @param id        UUID
 * @param productId the product
 * @param userId    the reviewer ({@code sub} of their token)
 * @param author    the reviewer's display name (token {@code upn})
 * @param rating    1..5
 * @param text      plain text (markup removed)
 * @param createdAt when it was written
 */
public record Review(String id, String productId, String userId, String author, int rating, String text,
                     Instant createdAt) {
}
