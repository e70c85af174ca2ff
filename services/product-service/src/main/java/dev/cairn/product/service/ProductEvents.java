package dev.cairn.product.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.logging.TraceContext;
import dev.cairn.commons.money.Money;
import dev.cairn.product.domain.Product;
import dev.cairn.product.domain.Review;

/** The product service's events (payloads in docs/EVENTS.md); the sequence of a product event is its version. */
final class ProductEvents {

    private static final String SERVICE = "product-service";

    private ProductEvents() {
    }

    static CairnEvent created(Product product) {
        return event(EventType.PRODUCT_CREATED, product.id(), product.version(), snapshot(product));
    }

    static CairnEvent updated(Product product) {
        return event(EventType.PRODUCT_UPDATED, product.id(), product.version(), snapshot(product));
    }

    /** {@code deleted} is the product as it was; the event's sequence is one past its version. */
    static CairnEvent deleted(Product deleted) {
        return event(EventType.PRODUCT_DELETED, deleted.id(), deleted.version() + 1,
                Json.mapper().createObjectNode().put("id", deleted.id()).put("sku", deleted.sku()));
    }

    static CairnEvent viewed(Product product) {
        return event(EventType.PRODUCT_VIEWED, product.id(), product.version(),
                Json.mapper().createObjectNode().put("productId", product.id()).put("category", product.category()));
    }

    /** A review is an aggregate of its own, created once: sequence 1. */
    static CairnEvent reviewCreated(Review review) {
        return event(EventType.REVIEW_CREATED, review.id(), 1, Json.mapper().createObjectNode()
                .put("id", review.id())
                .put("productId", review.productId())
                .put("userId", review.userId())
                .put("rating", review.rating()));
    }

    private static CairnEvent event(EventType type, String subject, long sequence, ObjectNode data) {
        return CairnEvent.create(type, SERVICE, subject, sequence, data, TraceContext.currentTraceparent());
    }

    private static ObjectNode snapshot(Product product) {
        ObjectNode data = Json.mapper().createObjectNode()
                .put("id", product.id())
                .put("sku", product.sku())
                .put("name", product.name())
                .put("category", product.category());
        data.set("price", Json.mapper().valueToTree(Money.of(product.price(), product.currency())));
        var tags = data.putArray("tags");
        product.tags().forEach(tags::add);
        return data;
    }
}
