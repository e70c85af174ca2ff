package dev.cairn.commons.relay;

/**
 * An event waiting in a service's outbox, ready to publish.
 *
 * @param id          CloudEvents id (consumers deduplicate on it)
 * @param aggregateId the aggregate (RabbitMQ header, Kafka key)
 * @param sequence    per-aggregate sequence
 * @param type        event type, also the RabbitMQ routing key
 * @param cloudEvent  the structured CloudEvents JSON to send
 * @param position    where the source keeps it (row id, store position, document id), for marking it published
 */
public record PendingEvent(String id, String aggregateId, long sequence, String type, String cloudEvent, String position) {
}
