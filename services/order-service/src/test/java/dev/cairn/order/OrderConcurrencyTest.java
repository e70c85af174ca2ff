package dev.cairn.order;

import dev.cairn.testsupport.ProductCatalogStub;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.cairn.order.OrderApi.customer;
import static dev.cairn.order.OrderApi.order;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No oversell under concurrent orders, and one winner when cancel and ship race on one order. The burst of 200
 * orders on 2 cores can make price lookups time out; the product client's circuit breaker is off here so that a
 * breaker tripped by the burst cannot delay the race test's order.
 */
@HelidonTest
@AddConfig(key = "cairn.orders.saga.poll-interval", value = "200ms")
@AddConfig(key = "cairn.orders.saga.pricing-deadline", value = "2m")
@AddConfig(key = "dev.cairn.order.client.ProductPrices/find/CircuitBreaker/enabled", value = "false")
class OrderConcurrencyTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("orders")
    DataSource dataSource;

    @Test
    void twoHundredConcurrentOrdersForFiftyUnitsConfirmExactlyFifty() throws Exception {
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = ProductCatalogStub.shared().add("Scarce", "1.00", "EUR");
        api.stock(product, 50);

        List<Callable<String>> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            OrderApi.Customer customer = customer();
            orders.add(() -> json(expect(api.place(customer, order(product, 1, "tok_ok")), 202)).get("id").asText());
        }
        List<String> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(25)) {
            for (Future<String> id : pool.invokeAll(orders)) {
                ids.add(id.get());
            }
        }
        String inList = "select count(*) from orders_view v join inventory_reservations r on r.order_id = v.id "
                + "where r.product_id = ? and v.status = ";
        String ofThese = "select count(*) from orders_view where id in (" + quoted(ids) + ") and status = ?";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(db.count(ofThese, "PENDING")).isZero());

        assertThat(db.count(ofThese, "CONFIRMED")).isEqualTo(50);
        assertThat(db.count(ofThese, "REJECTED")).isEqualTo(150);
        assertThat(db.count(inList + "'CONFIRMED'", product)).isEqualTo(50);
        assertThat(api.stockOf(product).get("available").asInt()).isZero();
        assertThat(api.stockOf(product).get("reserved").asInt()).isEqualTo(50);
    }

    @RepeatedTest(3)
    void cancelAndShipRaceAndOnlyOneWins() throws Exception {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Raced", "2.00", "EUR");
        api.stock(product, 1);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_ok"));
        assertThat(api.settled(customer, id).get("status").asText()).as(api.get(customer, id).toString())
                .isEqualTo("CONFIRMED");

        Callable<Integer> cancel = () -> api.request("/api/v1/orders/" + id + "/cancel", customer.token())
                .post(Entity.json("{}")).getStatus();
        Callable<Integer> ship = () -> api.request("/api/v1/orders/" + id + "/ship", OrderApi.admin())
                .post(Entity.json("{}")).getStatus();
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Integer> status : pool.invokeAll(List.of(cancel, ship))) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String finalStatus = api.get(customer, id).get("status").asText();
        assertThat(finalStatus).isIn("CANCELLED", "SHIPPED");
        assertThat(json(api.request("/api/v1/orders/" + id + "/history", customer.token()).get()))
                .extracting(event -> event.get("type").asText())
                .containsExactly("order.created", "order.paid", finalStatus.equals("CANCELLED") ? "order.cancelled" : "order.shipped");
    }

    private static String quoted(List<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'::uuid").toList());
    }
}
