package dev.cairn.product.service;

import dev.cairn.commons.paging.Page;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.product.cache.ProductCache;
import dev.cairn.product.domain.Product;
import dev.cairn.product.domain.ProductDraft;
import dev.cairn.product.domain.ProductQuery;
import dev.cairn.product.domain.ProductSort;
import dev.cairn.product.domain.Rating;
import dev.cairn.product.persistence.ProductStore;
import dev.cairn.product.persistence.Publishers;
import dev.cairn.product.persistence.ProductStore.KeysetPosition;
import dev.cairn.product.persistence.SearchCapability;
import dev.cairn.product.persistence.SkuTakenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog: reads through the two-level cache, writes with optimistic concurrency (a stale version is a 412),
 * every write carrying its event and invalidating the caches.
 */
@ApplicationScoped
public class Catalog {

    private static final int MAX_RETRIES = 5;

    private final ProductStore store;
    private final ProductCache cache;
    private final SearchCapability search;
    private final ViewTracker views;
    private final Clock clock;

    @Inject
    public Catalog(ProductStore store, ProductCache cache, SearchCapability search, ViewTracker views, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.search = search;
        this.views = views;
        this.clock = clock;
    }

    /** The product, from cache when possible. */
    public Optional<Product> get(String id) {
        return Publishers.await(cache.product(id, () -> store.find(id)));
    }

    /** The product, counted as a view by a client. */
    public Optional<Product> view(String id) {
        Optional<Product> product = get(id);
        product.ifPresent(views::viewed);
        return product;
    }

    /**
     * One page of products. First pages are cached; later pages continue from the cursor (keyset paging on the sort
     * field and id, so inserts never shift a page; relevance order with MongoDB text search pages by offset).
     */
    public Page<Product> list(ProductQuery query, PageRequest page) {
        ProductSort sort = effectiveSort(query);
        if (!page.first() && !page.cursorPart(0, String::valueOf).equals(sort.value())) {
            throw ProblemException.invalidField("cursor", "belongs to another sort order; start again without cursor");
        }
        List<Product> rows;
        int offset = sort == ProductSort.RELEVANCE && !page.first() ? page.cursorPart(1, Integer::parseInt) : 0;
        if (page.first()) {
            rows = Publishers.await(cache.list(query.key() + "|" + page.limit(),
                    () -> store.query(query, sort, null, 0, page.limit())));
        } else if (sort == ProductSort.RELEVANCE) {
            rows = Publishers.await(store.query(query, sort, null, offset, page.limit()));
        } else {
            KeysetPosition after = new KeysetPosition(page.cursorPart(1, text -> decode(sort, text)),
                    page.cursorPart(2, String::valueOf));
            rows = Publishers.await(store.query(query, sort, after, 0, page.limit()));
        }
        int shown = Math.min(rows.size(), page.limit());
        return page.page(rows, product -> sort == ProductSort.RELEVANCE
                ? List.of(sort.value(), Integer.toString(offset + shown), "")
                : List.of(sort.value(), encode(sort, product), product.id()), product -> product);
    }

    public Product create(ProductDraft draft) {
        Instant now = clock.instant();
        Product product = new Product(UUID.randomUUID().toString(), draft.sku(), draft.name(), draft.description(),
                draft.category(), draft.tags(), draft.price(), draft.currency(), Rating.NONE, now, now, 1, 0);
        try {
            Publishers.await(store.insert(product, ProductEvents.created(product)));
        } catch (SkuTakenException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        cache.invalidate(product.id());
        return product;
    }

    /**
     * Applies the draft's non-null fields.
     *
     * @param expectedVersion the version the client last saw ({@code If-Match}), or {@code null} to apply to whatever
     *                        is current
     */
    public Product update(String id, ProductDraft draft, Long expectedVersion) {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Product current = current(id, expectedVersion);
            if (draft.changesNothing(current)) {
                return current;
            }
            Product changed = draft.applyTo(current, clock.instant());
            boolean applied;
            try {
                applied = Publishers.await(store.update(changed, ProductEvents.updated(changed)));
            } catch (SkuTakenException e) {
                throw ProblemException.conflict(e.getMessage());
            }
            if (applied) {
                cache.invalidate(id);
                return changed;
            }
            if (expectedVersion != null) {
                throw stale(id);
            }
        }
        throw ProblemException.conflict("Product " + id + " is being changed concurrently; try again");
    }

    public void delete(String id, Long expectedVersion) {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            Product current = current(id, expectedVersion);
            if (Publishers.await(store.delete(current, ProductEvents.deleted(current), clock.instant()))) {
                cache.invalidate(id);
                return;
            }
            if (expectedVersion != null) {
                throw stale(id);
            }
        }
        throw ProblemException.conflict("Product " + id + " is being changed concurrently; try again");
    }

    /** Whether {@code ?q=} uses MongoDB's text index (else the escaped substring fallback). */
    public boolean textSearchSupported() {
        return search.textSearch().textIndexSupported();
    }

    private ProductSort effectiveSort(ProductQuery query) {
        if (query.sort() == ProductSort.RELEVANCE && (query.text() == null || !textSearchSupported())) {
            return ProductSort.CREATED_DESC;
        }
        return query.sort();
    }

    private Product current(String id, Long expectedVersion) {
        Product current = Publishers.await(store.find(id)).orElseThrow(() -> ProblemException.notFound("Product", id));
        if (expectedVersion != null && current.version() != expectedVersion) {
            throw stale(id);
        }
        return current;
    }

    private static ProblemException stale(String id) {
        return new ProblemException(ProblemType.PRECONDITION_FAILED,
                "Product " + id + " has changed since you read it; fetch it again and retry with its current ETag");
    }

    private static String encode(ProductSort sort, Product product) {
        return switch (sort) {
            case PRICE, PRICE_DESC -> product.price().toPlainString();
            case RATING, RATING_DESC -> Double.toString(storedAverage(product.rating()));
            default -> product.createdAt().toString();
        };
    }

    private static Object decode(ProductSort sort, String text) {
        return switch (sort) {
            case PRICE, PRICE_DESC -> new BigDecimal(text);
            case RATING, RATING_DESC -> Double.parseDouble(text);
            default -> Instant.parse(text);
        };
    }

    /** The average exactly as the store keeps it for sorting. */
    private static double storedAverage(Rating rating) {
        return rating.count() == 0 ? 0.0 : (double) rating.sum() / rating.count();
    }
}
