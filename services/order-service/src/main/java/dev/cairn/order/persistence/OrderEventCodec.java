package dev.cairn.order.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.commons.json.Json;
import dev.cairn.order.domain.OrderEvent;

import java.util.Map;

/** Order events as stored in {@code event_store.payload}: the record as JSON, its class chosen by the event type. */
public final class OrderEventCodec {

    private static final Map<String, Class<? extends OrderEvent>> TYPES = Map.of(
            "order.created", OrderEvent.Created.class,
            "order.paid", OrderEvent.Paid.class,
            "order.rejected", OrderEvent.Rejected.class,
            "order.cancelled", OrderEvent.Cancelled.class,
            "order.shipped", OrderEvent.Shipped.class);

    private OrderEventCodec() {
    }

    public static String encode(OrderEvent event) {
        return Json.write(event);
    }

    public static OrderEvent decode(String type, String payload) {
        Class<? extends OrderEvent> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new IllegalStateException("Unknown order event type " + type);
        }
        try {
            return Json.mapper().readValue(payload, eventClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type + " event cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
