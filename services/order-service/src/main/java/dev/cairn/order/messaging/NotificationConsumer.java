package dev.cairn.order.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.messaging.MessagePayloads;
import dev.cairn.commons.messaging.RetryThenDeadLetter;
import dev.cairn.commons.logging.LogField;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notification consumer (queue {@code order-service.notifications}, keys {@code user.created} and
 * {@code order.shipped}): "sends" an email as one structured log line ({@code notification}, {@code to},
 * {@code subject}) and records it in {@code notifications_sent}; each event once.
 */
@ApplicationScoped
public class NotificationConsumer {

    private static final Logger LOG = Logger.getLogger("dev.cairn.order.notifications");

    private final Notifications notifications;
    private final EventCodec codec = new EventCodec();
    private final RetryThenDeadLetter failures;

    @Inject
    public NotificationConsumer(Notifications notifications, Config config) {
        this.notifications = notifications;
        this.failures = new RetryThenDeadLetter(config, "order-service.notifications");
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        try {
            CairnEvent event = codec.decode(MessagePayloads.bytes(message.getPayload()));
            Optional<Notifications.Email> email = switch (event.type()) {
                case "user.created" -> notifications.userCreated(event.id(), event.subject(),
                        event.data().path("email").asText(), event.data().path("name").asText());
                case "order.shipped" -> notifications.orderShipped(event.id(), event.subject());
                default -> Optional.empty();
            };
            email.ifPresent(sent -> LOG.log(Level.INFO, "email sent: " + sent.subject(), new Object[] {
                    LogField.of("notification", event.type()), LogField.of("to", sent.to()),
                    LogField.of("subject", sent.subject()), LogField.of("eventId", event.id())}));
            return message.ack();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not handle a notification event (" + e.getMessage() + "); retrying it");
            return failures.failed(message, e);
        }
    }

    @PreDestroy
    void close() {
        failures.close();
    }
}
