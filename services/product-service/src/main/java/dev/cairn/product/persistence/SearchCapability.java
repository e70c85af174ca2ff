package dev.cairn.product.persistence;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Creates the collections' indexes at startup and finds out whether the server supports text search: it creates
 * the text index on name, description and tags and runs one {@code $text} query. Real MongoDB passes; the embedded
 * MongoDB-wire server does not, and search then falls back to escaped substring matching ({@link TextSearch}).
 */
@ApplicationScoped
public class SearchCapability {

    private static final Logger LOG = Logger.getLogger(SearchCapability.class.getName());

    private final MongoDatabase database;
    private volatile TextSearch textSearch = new TextSearch(false);

    @Inject
    public SearchCapability(MongoDatabase database) {
        this.database = database;
    }

    /** Creates every index (idempotent) and probes text search. */
    public void prepare() {
        var products = database.getCollection("products");
        var reviews = database.getCollection("reviews");
        Publishers.await(Publishers.first(products.createIndex(Indexes.ascending("sku"),
                new IndexOptions().unique(true).name("products_sku_unique"))));
        Publishers.await(Publishers.first(products.createIndex(Indexes.ascending("category", "price"),
                new IndexOptions().name("products_category_price"))));
        Publishers.await(Publishers.first(products.createIndex(Indexes.descending("createdAt", "_id"),
                new IndexOptions().name("products_newest"))));
        Publishers.await(Publishers.first(products.createIndex(Indexes.ascending("outbox.createdAt"),
                new IndexOptions().name("products_pending_events").sparse(true))));
        Publishers.await(Publishers.first(reviews.createIndex(Indexes.ascending("productId", "userId"),
                new IndexOptions().unique(true).name("reviews_one_per_user"))));
        Publishers.await(Publishers.first(reviews.createIndex(Indexes.descending("productId", "createdAt"),
                new IndexOptions().name("reviews_by_product"))));
        boolean supported = probeTextIndex();
        if (supported) {
            createTextIndex(products);
        }
        textSearch = new TextSearch(supported);
        LOG.info(() -> textSearch.textIndexSupported()
                ? "Text search uses the MongoDB text index"
                : "This MongoDB server has no text search: ?q= matches name, description and tags case-insensitively");
    }

    /** How {@code ?q=} is searched on this server. */
    public TextSearch textSearch() {
        return textSearch;
    }

    /**
     * Text search works when a text index can be created and a {@code $text} query finds a document it should. The
     * probe uses a collection of its own with one document: servers that only fail when they evaluate a document
     * (the embedded one) must not pass because the catalog happens to be empty.
     */
    private boolean probeTextIndex() {
        var probe = database.getCollection("cairn_text_search_probe");
        try {
            Publishers.await(Publishers.first(probe.drop()));
            Publishers.await(Publishers.first(probe.insertOne(new org.bson.Document("_id", "probe")
                    .append("name", "cairn text probe"))));
            Publishers.await(Publishers.first(probe.createIndex(Indexes.text("name"))));
            var found = Publishers.await(Publishers.list(probe.find(Filters.text("probe"))));
            return found.size() == 1;
        } catch (RuntimeException unsupported) {
            LOG.fine(() -> "Text search not available: " + unsupported);
            return false;
        } finally {
            try {
                Publishers.await(Publishers.first(probe.drop()));
            } catch (RuntimeException ignored) {
                // nothing to clean up
            }
        }
    }

    private static void createTextIndex(com.mongodb.reactivestreams.client.MongoCollection<org.bson.Document> products) {
        Publishers.await(Publishers.first(products.createIndex(
                Indexes.compoundIndex(Indexes.text("name"), Indexes.text("description"), Indexes.text("tags")),
                new IndexOptions().name("products_text"))));
    }
}
