package dev.cairn.product.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.messaging.MessagePayloads;
import dev.cairn.commons.messaging.RetryThenDeadLetter;
import dev.cairn.product.cache.ProductCache;
import dev.cairn.product.persistence.ProductStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

import static dev.cairn.product.persistence.Publishers.await;

/**
 * Consumes {@code order.paid} from queue {@code product-service.order-events}: each product counts the units sold.
 * Idempotent per product document: the increment and the event id go into the document in one update, which only
 * matches when that id is not among the document's recent events.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class.getName());

    private final ProductStore products;
    private final ProductCache cache;
    private final EventCodec codec = new EventCodec();
    private final RetryThenDeadLetter failures;

    @Inject
    public OrderEventsConsumer(ProductStore products, ProductCache cache, Config config) {
        this.products = products;
        this.cache = cache;
        this.failures = new RetryThenDeadLetter(config, "product-service.order-events");
    }

    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        try {
            CairnEvent event = codec.decode(MessagePayloads.bytes(message.getPayload()));
            if (event.type().equals("order.paid")) {
                for (JsonNode line : event.data().path("lines")) {
                    String productId = line.path("productId").asText();
                    if (await(products.countSale(productId, line.path("quantity").asLong(), event.id()))) {
                        cache.invalidate(productId);
                    }
                }
            }
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not apply an order event (" + e.getMessage() + "); retrying it");
            return failures.failed(message, e);
        }
    }

    @PreDestroy
    void close() {
        failures.close();
    }
}
