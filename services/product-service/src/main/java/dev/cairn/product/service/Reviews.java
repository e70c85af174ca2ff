package dev.cairn.product.service;

import dev.cairn.commons.paging.Page;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.product.cache.ProductCache;
import dev.cairn.product.domain.Review;
import dev.cairn.product.domain.ReviewText;
import dev.cairn.product.persistence.DuplicateReviewException;
import dev.cairn.product.persistence.ProductStore;
import dev.cairn.product.persistence.ReviewStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import static dev.cairn.product.persistence.Publishers.await;

/**
 * Reviews: one per customer and product (unique index), the text stripped of markup, and the product's rating
 * summary kept exact under concurrency by one atomic increment per review.
 */
@ApplicationScoped
public class Reviews {

    private static final Logger LOG = Logger.getLogger(Reviews.class.getName());

    private final ReviewStore reviews;
    private final ProductStore products;
    private final Catalog catalog;
    private final ProductCache cache;
    private final Clock clock;

    @Inject
    public Reviews(ReviewStore reviews, ProductStore products, Catalog catalog, ProductCache cache, Clock clock) {
        this.reviews = reviews;
        this.products = products;
        this.catalog = catalog;
        this.cache = cache;
        this.clock = clock;
    }

    /** Adds the customer's review; 404 for an unknown product, 409 for a second review. */
    public Review add(String productId, String userId, String author, int rating, String text) {
        catalog.get(productId).orElseThrow(() -> ProblemException.notFound("Product", productId));
        Review review = new Review(UUID.randomUUID().toString(), productId, userId, author, rating,
                ReviewText.sanitize(text), clock.instant());
        try {
            await(reviews.insert(review, ProductEvents.reviewCreated(review)));
        } catch (DuplicateReviewException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        await(products.addRating(productId, rating));
        await(reviews.markRatingApplied(review.id()));
        cache.invalidate(productId);
        return review;
    }

    /** One page of a product's reviews, newest first; 404 for an unknown product. */
    public Page<Review> list(String productId, PageRequest page) {
        catalog.get(productId).orElseThrow(() -> ProblemException.notFound("Product", productId));
        Instant before = page.first() ? null : page.cursorPart(0, Instant::parse);
        String beforeId = page.first() ? null : page.cursorPart(1, String::valueOf);
        List<Review> rows = await(reviews.page(productId, before, beforeId, page.limit()));
        return page.page(rows, review -> List.of(review.createdAt().toString(), review.id()), review -> review);
    }

    /**
     * Recomputes the rating summary of products whose reviews were stored but not counted (the process stopped
     * between the two writes). Runs at startup; only reviews older than a minute are considered, so reviews being
     * written right now by another instance are left alone.
     */
    public void repairRatings() {
        Set<String> productIds = await(reviews.unapplied(clock.instant().minus(Duration.ofMinutes(1)))).stream()
                .map(Review::productId).collect(Collectors.toSet());
        for (String productId : productIds) {
            List<Integer> ratings = await(reviews.ratingsOf(productId));
            await(products.setRating(productId, ratings.size(), ratings.stream().mapToLong(Integer::longValue).sum()));
            await(reviews.markAllApplied(productId));
            cache.invalidate(productId);
            LOG.info(() -> "Recomputed the rating of product " + productId + " from " + ratings.size() + " reviews");
        }
    }
}
