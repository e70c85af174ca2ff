package dev.cairn.order.domain;

import dev.cairn.order.persistence.OrderEventCodec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderEventCodecTest {

    @Test
    void everyEventRoundTrips() {
        Instant now = Instant.parse("2026-11-26T10:00:00.123456Z");
        List<OrderEvent> events = List.of(
                new OrderEvent.Created("o1", "u1", List.of(new OrderLine("p1", 2, null, null)),
                        new ShippingAddress("Ada", "1 Way", null, "10115", "Berlin", "DE"), now),
                new OrderEvent.Paid(List.of(new OrderLine("p1", 2, new BigDecimal("1.50"), "EUR")), new BigDecimal("3.00"),
                        "EUR", "auth_o1", now),
                new OrderEvent.Rejected("no stock", now),
                new OrderEvent.Cancelled("u1", "changed my mind", now),
                new OrderEvent.Shipped("admin", now));
        for (OrderEvent event : events) {
            assertThat(OrderEventCodec.decode(event.type(), OrderEventCodec.encode(event))).isEqualTo(event);
        }
    }
}
