package dev.cairn.order.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.logging.LogField;
import dev.cairn.commons.messaging.JdbcSequencePositions;
import dev.cairn.commons.messaging.OrderedQueue;
import dev.cairn.order.persistence.OrdersDataSource;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The notification consumer (queue {@code order-service.notifications}, keys {@code user.*} and {@code order.*}, each
 * aggregate's events in sequence order): "sends" an email for {@code user.created} and {@code order.shipped} as one
 * structured log line ({@code notification}, {@code to}, {@code subject}) and records it in
 * {@code notifications_sent}, each event once; keeps the users' addresses current from the other user events.
 */
@ApplicationScoped
public class NotificationConsumer {

    public static final String QUEUE = "order-service.notifications";

    private static final Logger LOG = Logger.getLogger("dev.cairn.order.notifications");

    private final Notifications notifications;
    private final OrderedQueue queue;

    @Inject
    public NotificationConsumer(Notifications notifications, @Named(OrdersDataSource.NAME) DataSource dataSource,
                                Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.notifications = notifications;
        this.queue = new OrderedQueue(config, QUEUE, new JdbcSequencePositions(dataSource, QUEUE), metrics);
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> consume(Message<?> message) {
        return queue.consume(message, this::apply);
    }

    private void apply(CairnEvent event) {
        String email = event.data().path("email").asText();
        String name = event.data().path("name").asText();
        Optional<Notifications.Email> sent = switch (event.type()) {
            case "user.created" -> notifications.userCreated(event.id(), event.subject(), email, name);
            case "order.shipped" -> notifications.orderShipped(event.id(), event.subject());
            case "user.updated" -> {
                notifications.userUpdated(event.subject(), email, name);
                yield Optional.empty();
            }
            case "user.deleted" -> {
                notifications.userDeleted(event.subject());
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
        sent.ifPresent(mail -> LOG.log(Level.INFO, "email sent: " + mail.subject(), new Object[] {
                LogField.of("notification", event.type()), LogField.of("to", mail.to()),
                LogField.of("subject", mail.subject()), LogField.of("eventId", event.id())}));
    }

    @PreDestroy
    void close() {
        queue.close();
    }
}
