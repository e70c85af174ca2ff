package dev.cairn.product.persistence;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.product.domain.Product;
import dev.cairn.product.domain.Rating;
import dev.cairn.product.domain.Review;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

/**
 * How products and reviews are stored. A document carries its own pending events in {@code outbox} (see
 * docs/EVENTS.md): they are written by the same single-document update as the change, so neither can exist
 * without the other, without multi-document transactions.
 */
final class ProductDocuments {

    static final String ID = "_id";
    static final String SKU = "sku";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    static final String TAGS = "tags";
    static final String PRICE = "price";
    static final String CURRENCY = "currency";
    static final String RATING = "rating";
    static final String RATING_COUNT = "rating.count";
    static final String RATING_SUM = "rating.sum";
    static final String RATING_AVERAGE = "rating.average";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String VERSION = "version";
    static final String DELETED = "deleted";
    static final String OUTBOX = "outbox";

    private static final EventCodec CODEC = new EventCodec();

    private ProductDocuments() {
    }

    /** The stored fields that a change can set (everything but identity, rating, creation and bookkeeping). */
    static Document mutableFields(Product product) {
        return new Document(SKU, product.sku())
                .append(NAME, product.name())
                .append(DESCRIPTION, product.description())
                .append(CATEGORY, product.category())
                .append(TAGS, product.tags())
                .append(PRICE, new Decimal128(product.price()))
                .append(CURRENCY, product.currency())
                .append(UPDATED_AT, Date.from(product.updatedAt()))
                .append(VERSION, product.version());
    }

    static Document newProduct(Product product, CairnEvent created) {
        return mutableFields(product)
                .append(ID, product.id())
                .append(RATING, new Document("count", 0L).append("sum", 0L).append("average", 0.0))
                .append(CREATED_AT, Date.from(product.createdAt()))
                .append(DELETED, false)
                .append(OUTBOX, List.of(pendingEvent(created)));
    }

    static Product product(Document document) {
        Document rating = document.get(RATING, Document.class);
        return new Product(
                document.getString(ID),
                document.getString(SKU),
                document.getString(NAME),
                document.getString(DESCRIPTION),
                document.getString(CATEGORY),
                document.getList(TAGS, String.class),
                decimal(document.get(PRICE)),
                document.getString(CURRENCY),
                rating == null ? Rating.NONE : new Rating(number(rating.get("count")), number(rating.get("sum"))),
                document.getDate(CREATED_AT).toInstant(),
                document.getDate(UPDATED_AT).toInstant(),
                number(document.get(VERSION)),
                number(document.get("unitsSold")));
    }

    /** An event waiting in a document's {@code outbox}: the complete CloudEvent JSON plus what the relay sorts by. */
    static Document pendingEvent(CairnEvent event) {
        return new Document("id", event.id())
                .append("type", event.type())
                .append("sequence", event.sequence())
                .append("createdAt", Date.from(event.time().toInstant()))
                .append("payload", new String(CODEC.encode(event), StandardCharsets.UTF_8));
    }

    static Document newReview(Review review, CairnEvent created) {
        return new Document(ID, review.id())
                .append("productId", review.productId())
                .append("userId", review.userId())
                .append("author", review.author())
                .append("rating", review.rating())
                .append("text", review.text())
                .append(CREATED_AT, Date.from(review.createdAt()))
                .append("ratingApplied", false)
                .append(OUTBOX, List.of(pendingEvent(created)));
    }

    static Review review(Document document) {
        return new Review(document.getString(ID), document.getString("productId"), document.getString("userId"),
                document.getString("author"), (int) number(document.get("rating")), document.getString("text"),
                document.getDate(CREATED_AT).toInstant());
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        throw new IllegalStateException("price is not a number: " + value);
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }
}
