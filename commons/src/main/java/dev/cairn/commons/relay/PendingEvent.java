package dev.cairn.commons.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.json.Json;

/**
 * An event waiting in a service's outbox, ready to publish.
 *
 * @param id          CloudEvents id (consumers deduplicate on it)
 * @param aggregateId the aggregate (RabbitMQ header, Kafka key)
 * @param sequence    per-aggregate sequence
 * @param type        event type, also the RabbitMQ routing key
 * @param cloudEvent  the structured CloudEvents JSON to send
 * @param position    where the source keeps it (row id, store position, document id), for marking it published
 * @param traceparent the event's {@code traceparent} extension (the trace of the request that caused it), copied into
 *                    the broker headers; null when the event carries none
 */
public record PendingEvent(String id, String aggregateId, long sequence, String type, String cloudEvent, String position,
                           String traceparent) {

    /** Message header that carries the W3C trace context, on RabbitMQ and Kafka alike. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    /** An event whose {@code traceparent} is read from its CloudEvent once, here, for every sink. */
    public PendingEvent(String id, String aggregateId, long sequence, String type, String cloudEvent, String position) {
        this(id, aggregateId, sequence, type, cloudEvent, position, traceparentOf(cloudEvent));
    }

    private static String traceparentOf(String cloudEvent) {
        try {
            JsonNode value = Json.mapper().readTree(cloudEvent).path("traceparent");
            return value.isTextual() ? value.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
