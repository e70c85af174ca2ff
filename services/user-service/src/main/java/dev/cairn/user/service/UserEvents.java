package dev.cairn.user.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.logging.TraceContext;
import dev.cairn.commons.outbox.Outbox;
import dev.cairn.user.domain.Role;
import dev.cairn.user.persistence.UserEntity;
import dev.cairn.user.persistence.UsersPersistenceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes {@code user.created}, {@code user.updated} and {@code user.deleted} to the outbox in the caller's
 * transaction (see docs/EVENTS.md for the payloads). The event's sequence is the user's version.
 */
@ApplicationScoped
public class UserEvents {

    /** Aggregate type of user events in the outbox. */
    public static final String AGGREGATE = "user";
    private static final String SERVICE = "user-service";

    private final UsersPersistenceContext persistence;

    @Inject
    public UserEvents(UsersPersistenceContext persistence) {
        this.persistence = persistence;
    }

    public void created(UserEntity user) {
        append(EventType.USER_CREATED, user, snapshot(user));
    }

    public void updated(UserEntity user) {
        append(EventType.USER_UPDATED, user, snapshot(user));
    }

    /** Call after {@link UserEntity#recordChange} for the deletion. */
    public void deleted(UserEntity user) {
        ObjectNode data = Json.mapper().createObjectNode().put("id", user.id().toString());
        append(EventType.USER_DELETED, user, data);
    }

    private void append(EventType type, UserEntity user, ObjectNode data) {
        Outbox.append(persistence.entityManager(), AGGREGATE, CairnEvent.create(type, SERVICE, user.id().toString(), user.version(),
                data, TraceContext.currentTraceparent()));
    }

    private static ObjectNode snapshot(UserEntity user) {
        ObjectNode data = Json.mapper().createObjectNode()
                .put("id", user.id().toString())
                .put("email", user.email())
                .put("name", user.name())
                .put("createdAt", user.createdAt().toString());
        var roles = data.putArray("roles");
        user.roles().stream().map(Role::value).sorted().forEach(roles::add);
        return data;
    }
}
