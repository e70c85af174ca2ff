package dev.cairn.order.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final ShippingAddress HOME = new ShippingAddress("Ada", "1 Way", null, "10115", "Berlin", "DE");

    private static Order placed() {
        return Order.replay(List.of(Order.place("o1", "u1", List.of(new OrderLine("p1", 2, null, null)), HOME, NOW)));
    }

    @Test
    void aNewOrderIsPendingAndMergesLinesOfOneProduct() {
        OrderEvent.Created created = Order.place("o1", "u1", List.of(new OrderLine("p1", 1, null, null),
                new OrderLine("p2", 1, null, null), new OrderLine("p1", 2, null, null)), HOME, NOW);
        Order order = Order.replay(List.of(created));
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.lines()).extracting(OrderLine::productId, OrderLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", 3), org.assertj.core.groups.Tuple.tuple("p2", 1));
        assertThat(order.version()).isEqualTo(1);
    }

    @Test
    void payingConfirmsWithTheTotal() {
        Order order = placed();
        OrderEvent.Paid paid = order.pay(List.of(new OrderLine("p1", 2, new BigDecimal("12.50"), "EUR")), "auth", NOW);
        Order confirmed = order.apply(paid);
        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.total()).isEqualByComparingTo("25.00");
        assertThat(confirmed.version()).isEqualTo(2);
    }

    @Test
    void theStatusMachineRefusesWhatItDoesNotAllow() {
        Order pending = placed();
        assertThatThrownBy(() -> pending.ship("admin", NOW)).isInstanceOf(InvalidTransitionException.class);
        Order rejected = pending.apply(pending.reject("no stock", NOW));
        assertThat(rejected.reason()).isEqualTo("no stock");
        assertThatThrownBy(() -> rejected.cancel("u1", "x", NOW)).isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> rejected.pay(List.of(new OrderLine("p1", 2, BigDecimal.ONE, "EUR")), "a", NOW))
                .isInstanceOf(InvalidTransitionException.class);

        Order confirmed = pending.apply(pending.pay(List.of(new OrderLine("p1", 2, BigDecimal.ONE, "EUR")), "a", NOW));
        Order shipped = confirmed.apply(confirmed.ship("admin", NOW));
        assertThat(shipped.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThatThrownBy(() -> shipped.cancel("u1", "late", NOW)).isInstanceOf(InvalidTransitionException.class);
        assertThat(confirmed.apply(confirmed.cancel("u1", "changed my mind", NOW)).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void replayRebuildsTheSameStateAsApplying() {
        Order pending = placed();
        OrderEvent.Paid paid = pending.pay(List.of(new OrderLine("p1", 2, BigDecimal.TEN, "EUR")), "a", NOW);
        Order confirmed = pending.apply(paid);
        OrderEvent.Shipped shipped = confirmed.ship("admin", NOW.plusSeconds(60));
        Order replayed = Order.replay(List.of(
                Order.place("o1", "u1", List.of(new OrderLine("p1", 2, null, null)), HOME, NOW), paid, shipped));
        assertThat(replayed).isEqualTo(confirmed.apply(shipped));
        assertThatThrownBy(() -> Order.replay(List.of(paid))).isInstanceOf(IllegalArgumentException.class);
    }
}
