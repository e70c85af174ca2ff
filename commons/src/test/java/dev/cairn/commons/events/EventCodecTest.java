package dev.cairn.commons.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void roundTripsEveryAttributeAndExtension() throws Exception {
        JsonNode data = Json.mapper().readTree("{\"orderId\":\"o-1\",\"total\":{\"amount\":\"12.50\",\"currency\":\"EUR\"}}");
        CairnEvent event = CairnEvent.create(EventType.ORDER_CREATED, "order-service", "o-1", 3, data,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        CairnEvent decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void writesStructuredCloudEventsJsonWithDataInline() throws Exception {
        JsonNode data = Json.mapper().readTree("{\"userId\":\"u-1\"}");
        CairnEvent event = CairnEvent.create(EventType.USER_CREATED, "user-service", "u-1", 1, data, null);

        JsonNode json = Json.mapper().readTree(codec.encode(event));

        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("type").asText()).isEqualTo("user.created");
        assertThat(json.get("source").asText()).isEqualTo("/cairn/user-service");
        assertThat(json.get("subject").asText()).isEqualTo("u-1");
        assertThat(json.get("sequence").asLong()).isEqualTo(1);
        assertThat(json.get("dataversion").asText()).isEqualTo("1");
        assertThat(json.get("data").get("userId").asText()).isEqualTo("u-1");
        assertThat(json.has("traceparent")).isFalse();
    }

    @Test
    void rejectsMessageWithoutSequence() {
        String json = """
                {"specversion":"1.0","id":"e-1","type":"order.paid","source":"/cairn/order-service","subject":"o-1",
                 "time":"2026-01-01T00:00:00Z","datacontenttype":"application/json","dataversion":"1","data":{}}""";

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.InvalidEventException.class)
                .hasMessageContaining("sequence");
    }

    @Test
    void rejectsBytesThatAreNotACloudEvent() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventCodec.InvalidEventException.class);
    }

    @Test
    void refusesSequenceBelowOne() throws Exception {
        JsonNode data = Json.mapper().readTree("{}");
        assertThatThrownBy(() -> CairnEvent.create(EventType.ORDER_PAID, "order-service", "o-1", 0, data, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence");
    }

    @Test
    void knowsEveryContractEventType() {
        assertThat(EventType.values()).hasSize(14);
        assertThat(EventType.fromValue("inventory.updated")).contains(EventType.INVENTORY_UPDATED);
        assertThat(EventType.fromValue("order.exploded")).isEmpty();
    }
}
