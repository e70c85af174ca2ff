package dev.cairn.user.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.messaging.MessagePayloads;
import dev.cairn.commons.messaging.RetryThenDeadLetter;
import dev.cairn.user.service.Accounts;
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
 * Consumes {@code order.created} from queue {@code user-service.order-events}: the user's profile counts the orders
 * they placed, each event once. A message it cannot apply is retried, then dead-lettered.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class.getName());

    private final Accounts accounts;
    private final EventCodec codec = new EventCodec();
    private final RetryThenDeadLetter failures;

    @Inject
    public OrderEventsConsumer(Accounts accounts, Config config) {
        this.accounts = accounts;
        this.failures = new RetryThenDeadLetter(config, "user-service.order-events");
    }

    @Incoming("order-events")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        try {
            CairnEvent event = codec.decode(MessagePayloads.bytes(message.getPayload()));
            if (event.type().equals("order.created")) {
                accounts.orderPlaced(event.id(), event.data().path("userId").asText());
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
