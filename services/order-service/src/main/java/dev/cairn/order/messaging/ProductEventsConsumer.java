package dev.cairn.order.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.messaging.MessagePayloads;
import dev.cairn.commons.messaging.RetryThenDeadLetter;
import dev.cairn.order.inventory.Inventory;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Consumes {@code product.created} from queue {@code order-service.product-events} (SmallRye Reactive Messaging,
 * RabbitMQ connector): a new product gets an inventory row with no stock. Each event is applied once: the inventory
 * change and the processed-event record commit together. A failure is retried, then dead-lettered
 * ({@link dev.cairn.commons.messaging.RetryThenDeadLetter}).
 */
@ApplicationScoped
public class ProductEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ProductEventsConsumer.class.getName());

    private final Inventory inventory;
    private final EventCodec codec = new EventCodec();
    private final RetryThenDeadLetter failures;

    @Inject
    public ProductEventsConsumer(Inventory inventory, Config config) {
        this.inventory = inventory;
        this.failures = new RetryThenDeadLetter(config, "order-service.product-events");
    }

    @Incoming("product-events")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        try {
            CairnEvent event = codec.decode(MessagePayloads.bytes(message.getPayload()));
            if (event.type().equals("product.created")) {
                boolean applied = inventory.productCreatedOnce(event.id(), event.subject());
                LOG.fine(() -> (applied ? "Applied " : "Skipped duplicate ") + event.type() + " " + event.id());
            }
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not apply a product event (" + e.getMessage() + "); retrying it");
            return failures.failed(message, e);
        }
    }

    @PreDestroy
    void close() {
        failures.close();
    }
}
