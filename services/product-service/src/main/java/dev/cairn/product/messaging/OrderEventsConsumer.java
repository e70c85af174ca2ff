package dev.cairn.product.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.messaging.OrderedQueue;
import dev.cairn.product.cache.ProductCache;
import dev.cairn.product.persistence.MongoSequencePositions;
import dev.cairn.product.persistence.ProductStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

import static dev.cairn.product.persistence.Publishers.await;

/**
 * Consumes the order events from queue {@code product-service.order-events} ({@code order.*}, each order's events in
 * sequence order): on {@code order.paid} each product counts the units sold. Idempotent per product document: the
 * increment and the event id go into the document in one update, which only matches when that id is not among the
 * document's recent events.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    public static final String QUEUE = "product-service.order-events";

    private final ProductStore products;
    private final ProductCache cache;
    private final OrderedQueue queue;

    @Inject
    public OrderEventsConsumer(ProductStore products, ProductCache cache, MongoDatabase database, Config config,
                               @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.products = products;
        this.cache = cache;
        this.queue = new OrderedQueue(config, QUEUE, new MongoSequencePositions(database, QUEUE), metrics);
    }

    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        return queue.consume(message, this::apply);
    }

    private void apply(CairnEvent event) {
        if (!event.type().equals("order.paid")) {
            return;
        }
        for (JsonNode line : event.data().path("lines")) {
            String productId = line.path("productId").asText();
            if (await(products.countSale(productId, line.path("quantity").asLong(), event.id()))) {
                cache.invalidate(productId);
            }
        }
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}
