package dev.cairn.analytics.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContributionTest {

    @Test
    void aPaidOrderAddsRevenueInTenThousandthsAndUnitsPerProduct() {
        ObjectNode data = Json.mapper().createObjectNode().put("total", "12.346").put("currency", "EUR");
        data.withArray("lines").addObject().put("productId", "p1").put("quantity", 2);
        data.withArray("lines").addObject().put("productId", "p2").put("quantity", 1);
        data.withArray("lines").addObject().put("productId", "p1").put("quantity", 3);

        Contribution contribution = Contribution.of(CairnEvent.create(EventType.ORDER_PAID, "order-service", "o1", 2, data, null));

        assertThat(contribution.counters()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Contribution.ORDERS_PAID, 1L, "revenue.EUR", 123_460L));
        assertThat(contribution.sales()).containsExactlyInAnyOrderEntriesOf(Map.of("p1", 5L, "p2", 1L));
        assertThat(contribution.orderValue()).hasValueSatisfying(money -> assertThat(money.amount()).isEqualTo("12.35"));
    }

    @Test
    void otherEventsCountWhatTheyStandFor() {
        ObjectNode empty = Json.mapper().createObjectNode();
        assertThat(Contribution.of(CairnEvent.create(EventType.ORDER_CREATED, "order-service", "o", 1, empty, null)).counters())
                .containsExactly(Map.entry(Contribution.ORDERS_CREATED, 1L));
        assertThat(Contribution.of(CairnEvent.create(EventType.USER_CREATED, "user-service", "u", 1, empty, null)).counters())
                .containsExactly(Map.entry(Contribution.USERS_REGISTERED, 1L));
        assertThat(Contribution.of(CairnEvent.create(EventType.PRODUCT_VIEWED, "product-service", "p", 1,
                Json.mapper().createObjectNode().put("productId", "p"), null)).views()).containsExactly(Map.entry("p", 1L));
        assertThat(Contribution.of(CairnEvent.create(EventType.ORDER_SHIPPED, "order-service", "o", 4, empty, null))
                .isEmpty()).isTrue();
    }

    @Test
    void malformedPayloadsAreRejectedWithTheReason() {
        ObjectNode noTotal = Json.mapper().createObjectNode().put("currency", "EUR");
        assertThatThrownBy(() -> Contribution.of(CairnEvent.create(EventType.ORDER_PAID, "order-service", "o", 2, noTotal, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total");
        ObjectNode badQuantity = Json.mapper().createObjectNode().put("currency", "EUR").put("total", "1.00");
        badQuantity.withArray("lines").addObject().put("productId", "p").put("quantity", 0);
        assertThatThrownBy(() -> Contribution.of(CairnEvent.create(EventType.ORDER_PAID, "order-service", "o", 2, badQuantity, null)))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> Contribution.of(CairnEvent.create(EventType.PRODUCT_VIEWED, "product-service", "p", 1,
                Json.mapper().createObjectNode(), null))).hasMessageContaining("productId");
    }
}
