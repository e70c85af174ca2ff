package dev.cairn.product.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.product.domain.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The {@code reviews} collection. */
@ApplicationScoped
public class ReviewStore {

    private final MongoCollection<Document> reviews;

    @Inject
    public ReviewStore(MongoDatabase database) {
        this.reviews = database.getCollection("reviews");
    }

    /** Stores the review with its {@code review.created} event; fails with {@link DuplicateReviewException}. */
    public CompletableFuture<Void> insert(Review review, CairnEvent created) {
        return Publishers.first(reviews.insertOne(ProductDocuments.newReview(review, created)))
                .handle((ignored, error) -> {
                    Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
                    if (cause instanceof MongoWriteException write
                            && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                        throw new DuplicateReviewException();
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause != null) {
                        throw new IllegalStateException(cause);
                    }
                    return null;
                });
    }

    /** Records that the review's rating is counted in its product's summary. */
    public CompletableFuture<Void> markRatingApplied(String reviewId) {
        return Publishers.first(reviews.updateOne(Filters.eq("_id", reviewId), Updates.set("ratingApplied", true)))
                .thenApply(ignored -> null);
    }

    /** Up to {@code limit + 1} reviews of the product, newest first, older than the cursor position. */
    public CompletableFuture<List<Review>> page(String productId, Instant beforeTime, String beforeId, int limit) {
        var filter = beforeTime == null
                ? Filters.eq("productId", productId)
                : Filters.and(Filters.eq("productId", productId), Filters.or(
                        Filters.lt("createdAt", Date.from(beforeTime)),
                        Filters.and(Filters.eq("createdAt", Date.from(beforeTime)), Filters.lt("_id", beforeId))));
        return Publishers.list(reviews.find(filter)
                        .projection(Projections.exclude(ProductDocuments.OUTBOX))
                        .sort(Sorts.descending("createdAt", "_id"))
                        .limit(limit + 1))
                .thenApply(documents -> documents.stream().map(ProductDocuments::review).toList());
    }

    /** Reviews written before {@code olderThan} whose rating never reached their product (a crash in between). */
    public CompletableFuture<List<Review>> unapplied(Instant olderThan) {
        return Publishers.list(reviews.find(Filters.and(Filters.eq("ratingApplied", false),
                                Filters.lt("createdAt", Date.from(olderThan))))
                        .projection(Projections.exclude(ProductDocuments.OUTBOX)))
                .thenApply(documents -> documents.stream().map(ProductDocuments::review).toList());
    }

    /** Every rating of the product, to recompute its summary from scratch. */
    public CompletableFuture<List<Integer>> ratingsOf(String productId) {
        return Publishers.list(reviews.find(Filters.eq("productId", productId)).projection(Projections.include("rating")))
                .thenApply(documents -> documents.stream().map(d -> ((Number) d.get("rating")).intValue()).toList());
    }

    /** Marks all reviews of the product as counted. */
    public CompletableFuture<Void> markAllApplied(String productId) {
        return Publishers.first(reviews.updateMany(Filters.eq("productId", productId), Updates.set("ratingApplied", true)))
                .thenApply(ignored -> null);
    }
}
