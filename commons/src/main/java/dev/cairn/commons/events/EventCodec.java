package dev.cairn.commons.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.json.Json;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.time.ZoneOffset;

/**
 * Writes and reads {@link CairnEvent}s as structured-mode CloudEvents JSON ({@code application/cloudevents+json}),
 * the form they take on RabbitMQ and Kafka.
 */
public final class EventCodec {

    /** Content type of a structured CloudEvents JSON message. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    static final String TRACEPARENT = "traceparent";
    static final String SEQUENCE = "sequence";
    static final String DATA_VERSION = "dataversion";

    private final JsonFormat format = new JsonFormat();

    /** The event as CloudEvents JSON bytes. */
    public byte[] encode(CairnEvent event) {
        return format.serialize(toCloudEvent(event));
    }

    /**
     * Reads CloudEvents JSON bytes.
     *
     * @throws InvalidEventException when the bytes are not a CloudEvent or lack a Cairn attribute
     */
    public CairnEvent decode(byte[] bytes) {
        CloudEvent event;
        try {
            event = format.deserialize(bytes);
        } catch (EventDeserializationException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidEventException("Not a CloudEvents JSON message: " + e.getMessage(), e);
        }
        return fromCloudEvent(event);
    }

    /** The CloudEvents SDK form of an event. */
    public static CloudEvent toCloudEvent(CairnEvent event) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(event.id())
                .withType(event.type())
                .withSource(event.source())
                .withSubject(event.subject())
                .withTime(event.time())
                .withDataContentType(event.dataContentType())
                .withData(event.dataContentType(), Json.write(event.data()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .withExtension(SEQUENCE, event.sequence())
                .withExtension(DATA_VERSION, event.dataVersion());
        if (event.traceparent() != null) {
            builder.withExtension(TRACEPARENT, event.traceparent());
        }
        return builder.build();
    }

    /**
     * The Cairn form of a CloudEvent.
     *
     * @throws InvalidEventException when a Cairn attribute is missing or malformed
     */
    public static CairnEvent fromCloudEvent(CloudEvent event) {
        if (event.getData() == null) {
            throw new InvalidEventException("Event " + event.getId() + " has no data");
        }
        JsonNode data;
        try {
            data = Json.mapper().readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new InvalidEventException("Event " + event.getId() + " data is not JSON", e);
        }
        try {
            return new CairnEvent(event.getId(), event.getType(), event.getSource(), event.getSubject(),
                    event.getTime() == null ? null : event.getTime().withOffsetSameInstant(ZoneOffset.UTC),
                    event.getDataContentType(), data,
                    stringExtension(event, TRACEPARENT), sequenceOf(event), stringExtension(event, DATA_VERSION));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidEventException("Event " + event.getId() + " is not a valid Cairn event: " + e.getMessage(), e);
        }
    }

    private static long sequenceOf(CloudEvent event) {
        Object value = event.getExtension(SEQUENCE);
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new InvalidEventException("Event " + event.getId() + " has a non-numeric sequence: " + text, e);
            }
        }
        throw new InvalidEventException("Event " + event.getId() + " has no sequence extension");
    }

    private static String stringExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    /** A message that is not a well-formed Cairn event; consumers dead-letter it with this message as the reason. */
    public static class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }

        public InvalidEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
