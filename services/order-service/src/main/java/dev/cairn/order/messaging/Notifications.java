package dev.cairn.order.messaging;

import dev.cairn.order.persistence.InventoryStore;
import dev.cairn.order.persistence.OrdersPersistenceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the notification consumer writes: recipients learned from {@code user.created} and {@code user.updated}
 * (forgotten on {@code user.deleted}), and each notification sent
 * (one per event, recorded with the processed-event mark in one transaction).
 */
@ApplicationScoped
public class Notifications {

    /** A notification to send. */
    public record Email(String to, String subject, String body) {
    }

    private static final String CONSUMER = "notifications";

    private final OrdersPersistenceContext persistence;
    private final InventoryStore processed;
    private final Clock clock;

    @Inject
    public Notifications(OrdersPersistenceContext persistence, InventoryStore processed, Clock clock) {
        this.persistence = persistence;
        this.processed = processed;
        this.clock = clock;
    }

    /** A welcome mail for a new user (and the user's address for later); empty when the event was handled before. */
    @Transactional
    public Optional<Email> userCreated(String eventId, String userId, String email, String name) {
        if (!processed.markProcessed(CONSUMER, eventId, clock.instant())) {
            return Optional.empty();
        }
        saveRecipient(userId, email, name);
        return Optional.of(record(eventId, new Email(email, "Welcome to Cairn",
                "Hello " + name + ", your Cairn account is ready.")));
    }

    /** Keeps the user's current address ({@code user.updated}); nothing is sent. */
    @Transactional
    public void userUpdated(String userId, String email, String name) {
        saveRecipient(userId, email, name);
    }

    /** Forgets a deleted user's address ({@code user.deleted}). */
    @Transactional
    public void userDeleted(String userId) {
        persistence.entityManager().createNativeQuery("delete from notification_recipients where user_id = ?1")
                .setParameter(1, userId).executeUpdate();
    }

    /** A shipping mail to the order's owner; empty when the event was handled before. */
    @Transactional
    public Optional<Email> orderShipped(String eventId, String orderId) {
        if (!processed.markProcessed(CONSUMER, eventId, clock.instant())) {
            return Optional.empty();
        }
        List<?> owner = persistence.entityManager().createNativeQuery("select coalesce(r.email, v.user_id) from orders_view v "
                        + "left join notification_recipients r on r.user_id = v.user_id where v.id = cast(?1 as uuid)")
                .setParameter(1, orderId).getResultList();
        String to = owner.isEmpty() ? "unknown recipient" : (String) owner.getFirst();
        return Optional.of(record(eventId, new Email(to, "Your order has shipped", "Order " + orderId + " is on its way.")));
    }

    private void saveRecipient(String userId, String email, String name) {
        persistence.entityManager().createNativeQuery("insert into notification_recipients (user_id, email, name, updated_at) "
                        + "values (?1, ?2, ?3, ?4) on conflict (user_id) do update set email = excluded.email, "
                        + "name = excluded.name, updated_at = excluded.updated_at")
                .setParameter(1, userId).setParameter(2, email).setParameter(3, name).setParameter(4, clock.instant())
                .executeUpdate();
    }

    private Email record(String eventId, Email email) {
        persistence.entityManager().createNativeQuery("insert into notifications_sent (event_id, recipient, subject, sent_at) "
                        + "values (?1, ?2, ?3, ?4)")
                .setParameter(1, eventId).setParameter(2, email.to()).setParameter(3, email.subject())
                .setParameter(4, clock.instant())
                .executeUpdate();
        return email;
    }
}
