package dev.cairn.user.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.messaging.MessagePayloads;
import dev.cairn.user.service.Accounts;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;

/**
 * Consumes {@code order.created} from queue {@code user-service.order-events}: the user's profile counts the orders
 * they placed, each event once. A message it cannot apply goes to the queue's DLQ.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventsConsumer.class.getName());

    private final Accounts accounts;
    private final EventCodec codec = new EventCodec();

    @Inject
    public OrderEventsConsumer(Accounts accounts) {
        this.accounts = accounts;
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
            LOG.warning(() -> "Could not apply an order event (" + e.getMessage() + "); rejecting it");
            return message.nack(e);
        }
    }
}
