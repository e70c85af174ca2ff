package dev.cairn.product.persistence;

import dev.cairn.commons.metrics.Meters;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.FindPublisher;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.product.domain.Product;
import dev.cairn.product.domain.ProductQuery;
import dev.cairn.product.domain.ProductSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code products} collection, through the reactive driver. Each query for products (one product or a page) is
 * counted in {@code cairn_product_queries_total}, which shows how much the caches spare MongoDB.
 */
@ApplicationScoped
public class ProductStore {

    private final MongoCollection<Document> products;
    private final SearchCapability search;
    private final Counter queries;

    @Inject
    public ProductStore(MongoDatabase database, SearchCapability search,
                        @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.products = database.getCollection("products");
        this.search = search;
        this.queries = Meters.counter(metrics, "cairn_product_queries_total");
    }

    /** Stores a new product with its {@code product.created} event; fails with {@link SkuTakenException}. */
    public CompletableFuture<Void> insert(Product product, CairnEvent created) {
        return Publishers.first(products.insertOne(ProductDocuments.newProduct(product, created)))
                .handle((ignored, error) -> {
                    if (error != null) {
                        throw translate(error, product.sku());
                    }
                    return null;
                });
    }

    /** The live product with this id. */
    public CompletableFuture<Optional<Product>> find(String id) {
        queries.inc();
        return Publishers.first(products.find(Filters.and(Filters.eq(ProductDocuments.ID, id), notDeleted()))
                        .projection(Projections.exclude(ProductDocuments.OUTBOX, "salesEvents")))
                .thenApply(found -> found.map(ProductDocuments::product));
    }

    /**
     * Replaces the mutable fields if the stored version is still {@code changed.version() - 1}, and records the event
     * in the same update.
     *
     * @return whether the update applied (false: somebody else changed or deleted the product first)
     */
    public CompletableFuture<Boolean> update(Product changed, CairnEvent event) {
        Bson update = Updates.combine(
                ProductDocuments.mutableFields(changed).entrySet().stream()
                        .map(field -> Updates.set(field.getKey(), field.getValue())).toList());
        return conditional(changed.id(), changed.version() - 1,
                Updates.combine(update, Updates.push(ProductDocuments.OUTBOX, ProductDocuments.pendingEvent(event))),
                changed.sku());
    }

    /**
     * Marks the product deleted (keeping the document, which carries the {@code product.deleted} event until the
     * relay has sent it) and frees its SKU for reuse.
     */
    public CompletableFuture<Boolean> delete(Product current, CairnEvent event, Instant now) {
        Bson update = Updates.combine(
                Updates.set(ProductDocuments.DELETED, true),
                Updates.set(ProductDocuments.SKU, current.sku() + "#deleted#" + current.id()),
                Updates.set("deletedSku", current.sku()),
                Updates.set(ProductDocuments.UPDATED_AT, Date.from(now)),
                Updates.set(ProductDocuments.VERSION, current.version() + 1),
                Updates.push(ProductDocuments.OUTBOX, ProductDocuments.pendingEvent(event)));
        return conditional(current.id(), current.version(), update, current.sku());
    }

    /**
     * Adds one rating atomically ({@code $inc} of count and sum), then stores the derived average for sorting, only if
     * no other review landed in between (the later review then stores its own, newer average).
     */
    public CompletableFuture<Boolean> addRating(String productId, int rating) {
        return Publishers.first(products.findOneAndUpdate(
                        Filters.and(Filters.eq(ProductDocuments.ID, productId), notDeleted()),
                        Updates.combine(Updates.inc(ProductDocuments.RATING_COUNT, 1L),
                                Updates.inc(ProductDocuments.RATING_SUM, (long) rating)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
                                .projection(Projections.include(ProductDocuments.RATING))))
                .thenCompose(updated -> {
                    if (updated.isEmpty()) {
                        return CompletableFuture.completedFuture(false);
                    }
                    Document stored = updated.get().get(ProductDocuments.RATING, Document.class);
                    long count = ((Number) stored.get("count")).longValue();
                    long sum = ((Number) stored.get("sum")).longValue();
                    return Publishers.first(products.updateOne(
                                    Filters.and(Filters.eq(ProductDocuments.ID, productId),
                                            Filters.eq(ProductDocuments.RATING_COUNT, count),
                                            Filters.eq(ProductDocuments.RATING_SUM, sum)),
                                    Updates.set(ProductDocuments.RATING_AVERAGE, (double) sum / count)))
                            .thenApply(ignored -> true);
                });
    }

    /**
     * Adds {@code quantity} to the product's units sold, unless event {@code eventId} was counted already: the
     * increment and the event id are written by one update that only matches while the id is not among the
     * document's last 200 counted events.
     *
     * @return whether the count changed
     */
    public CompletableFuture<Boolean> countSale(String productId, long quantity, String eventId) {
        return Publishers.first(products.updateOne(
                        Filters.and(Filters.eq(ProductDocuments.ID, productId), Filters.ne("salesEvents", eventId)),
                        Updates.combine(Updates.inc("unitsSold", quantity),
                                Updates.pushEach("salesEvents", java.util.List.of(eventId),
                                        new com.mongodb.client.model.PushOptions().slice(-200)))))
                .thenApply(result -> result.map(r -> r.getModifiedCount() == 1).orElse(false));
    }

    /** Overwrites the rating summary with one recomputed from the reviews (repair after a crash). */
    public CompletableFuture<Void> setRating(String productId, long count, long sum) {
        return Publishers.first(products.updateOne(Filters.eq(ProductDocuments.ID, productId), Updates.combine(
                        Updates.set(ProductDocuments.RATING_COUNT, count),
                        Updates.set(ProductDocuments.RATING_SUM, sum),
                        Updates.set(ProductDocuments.RATING_AVERAGE, count == 0 ? 0.0 : (double) sum / count))))
                .thenApply(ignored -> null);
    }

    /**
     * Up to {@code limit + 1} products of the query after the cursor position.
     *
     * @param after the sort value and id of the last product of the previous page, or {@code null}
     * @param skip  for relevance order with {@code $text}: how many results to skip
     */
    public CompletableFuture<List<Product>> query(ProductQuery query, ProductSort sort, KeysetPosition after, int skip,
                                                  int limit) {
        List<Bson> filters = new ArrayList<>();
        filters.add(notDeleted());
        if (query.text() != null) {
            filters.add(search.textSearch().filter(query.text()));
        }
        if (query.category() != null) {
            filters.add(Filters.eq(ProductDocuments.CATEGORY, query.category()));
        }
        if (query.tag() != null) {
            filters.add(Filters.eq(ProductDocuments.TAGS, query.tag()));
        }
        if (query.minPrice() != null) {
            filters.add(Filters.gte(ProductDocuments.PRICE, new Decimal128(query.minPrice())));
        }
        if (query.maxPrice() != null) {
            filters.add(Filters.lte(ProductDocuments.PRICE, new Decimal128(query.maxPrice())));
        }
        FindPublisher<Document> find;
        if (sort == ProductSort.RELEVANCE) {
            // Sorting by the text score needs no projection of it (MongoDB 4.4+); outbox entries come along unused.
            find = products.find(Filters.and(filters))
                    .sort(Sorts.orderBy(Sorts.metaTextScore("score"), Sorts.ascending(ProductDocuments.ID)))
                    .skip(skip);
        } else {
            if (after != null) {
                filters.add(after.filter(sort));
            }
            Bson order = sort.ascending()
                    ? Sorts.ascending(sort.field(), ProductDocuments.ID)
                    : Sorts.descending(sort.field(), ProductDocuments.ID);
            find = products.find(Filters.and(filters))
                    .projection(Projections.exclude(ProductDocuments.OUTBOX, "salesEvents")).sort(order);
        }
        queries.inc();
        return Publishers.list(find.limit(limit + 1))
                .thenApply(documents -> documents.stream().map(ProductDocuments::product).toList());
    }

    /** Whether the collection holds no product at all (for seeding). */
    public CompletableFuture<Boolean> isEmpty() {
        return Publishers.first(products.countDocuments()).thenApply(count -> count.orElse(0L) == 0L);
    }

    private CompletableFuture<Boolean> conditional(String id, long expectedVersion, Bson update, String sku) {
        return Publishers.first(products.updateOne(
                        Filters.and(Filters.eq(ProductDocuments.ID, id), notDeleted(),
                                Filters.eq(ProductDocuments.VERSION, expectedVersion)), update))
                .handle((result, error) -> {
                    if (error != null) {
                        throw translate(error, sku);
                    }
                    return result.map(r -> r.getMatchedCount() == 1).orElse(false);
                });
    }

    private static Bson notDeleted() {
        return Filters.eq(ProductDocuments.DELETED, false);
    }

    private static RuntimeException translate(Throwable error, String sku) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
            return new SkuTakenException(sku);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /**
     * Where the previous page ended, for keyset paging: the sort field's value and the id of its last product.
     *
     * @param value the sort value ({@link BigDecimal} price, {@link Double} rating or {@link Instant} time)
     * @param id    the last product's id
     */
    public record KeysetPosition(Object value, String id) {

        Bson filter(ProductSort sort) {
            Object stored = switch (value) {
                case BigDecimal decimal -> new Decimal128(decimal);
                case Instant instant -> Date.from(instant);
                default -> value;
            };
            return sort.ascending()
                    ? Filters.or(Filters.gt(sort.field(), stored),
                            Filters.and(Filters.eq(sort.field(), stored), Filters.gt(ProductDocuments.ID, id)))
                    : Filters.or(Filters.lt(sort.field(), stored),
                            Filters.and(Filters.eq(sort.field(), stored), Filters.lt(ProductDocuments.ID, id)));
        }
    }
}
