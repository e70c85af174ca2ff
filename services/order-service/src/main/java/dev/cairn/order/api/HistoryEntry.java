package dev.cairn.order.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.json.Json;
import dev.cairn.order.persistence.StoredEventEntity;

import java.io.UncheckedIOException;
import java.time.Instant;

/** One event of an order's history, as stored. */
public record HistoryEntry(long sequence, String type, Instant occurredAt, JsonNode data) {

    static HistoryEntry of(StoredEventEntity event) {
        try {
            return new HistoryEntry(event.sequence(), event.type(), event.occurredAt(), Json.mapper().readTree(event.payload()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
