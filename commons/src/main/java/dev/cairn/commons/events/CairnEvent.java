package dev.cairn.commons.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * One Cairn domain event: a CloudEvents 1.0 event with the extensions of CONTRACT.md section 4.
 *
 * @param id              unique event id (consumers deduplicate on it)
 * @param type            event type, e.g. {@code order.created}
 * @param source          producing service, {@code /cairn/<service>}
 * @param subject         aggregate id
 * @param time            when the state change happened
 * @param dataContentType always {@code application/json} for Cairn events
 * @param data            the event payload
 * @param traceparent     W3C trace context of the request that caused the event, or {@code null}
 * @param sequence        per-aggregate version, starting at 1
 * @param dataVersion     schema version of {@code data}, e.g. {@code 1}
 */
public record CairnEvent(String id,
                         String type,
                         URI source,
                         String subject,
                         OffsetDateTime time,
                         String dataContentType,
                         JsonNode data,
                         String traceparent,
                         long sequence,
                         String dataVersion) {

    /** Content type of every Cairn event payload. */
    public static final String JSON = "application/json";

    public CairnEvent {
        requireText(id, "id");
        requireText(type, "type");
        Objects.requireNonNull(source, "source is required");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time is required");
        requireText(dataContentType, "datacontenttype");
        Objects.requireNonNull(data, "data is required");
        requireText(dataVersion, "dataversion");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
    }

    /**
     * A new event with a fresh id and the current time.
     *
     * @param type        the event type
     * @param service     producing service name, e.g. {@code order-service}
     * @param subject     aggregate id
     * @param sequence    per-aggregate version
     * @param data        payload
     * @param traceparent trace context of the cause, or {@code null}
     */
    public static CairnEvent create(EventType type, String service, String subject, long sequence, JsonNode data,
                                    String traceparent) {
        return new CairnEvent(UUID.randomUUID().toString(), type.value(), sourceOf(service), subject,
                OffsetDateTime.now(ZoneOffset.UTC), JSON, data, traceparent, sequence, "1");
    }

    /** The CloudEvents {@code source} of a Cairn service. */
    public static URI sourceOf(String service) {
        return URI.create("/cairn/" + service);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
