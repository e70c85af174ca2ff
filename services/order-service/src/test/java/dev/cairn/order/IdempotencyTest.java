package dev.cairn.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.ProductCatalogStub;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.cairn.order.OrderApi.customer;
import static dev.cairn.order.OrderApi.order;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key: same key + body → same answer; other body → 422; concurrent duplicates → one order. */
@HelidonTest
class IdempotencyTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("orders")
    DataSource dataSource;

    @Test
    void replayingAKeyReturnsTheSameOrder() {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Once", "1.00", "EUR");
        api.stock(product, 5);
        OrderApi.Customer customer = customer();
        String key = UUID.randomUUID().toString();
        Response first = expect(api.place(customer, order(product, 1, "tok_ok"), key), 202);
        String body = first.readEntity(String.class);
        assertThat(first.getHeaderString("Idempotent-Replayed")).isEqualTo("false");
        Response second = expect(api.place(customer, order(product, 1, "tok_ok"), key), 202);
        assertThat(second.readEntity(String.class)).isEqualTo(body);
        assertThat(second.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.getLocation()).isEqualTo(first.getLocation());
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void reusingAKeyForAnotherOrderIsUnprocessable() {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Twice", "1.00", "EUR");
        api.stock(product, 5);
        OrderApi.Customer customer = customer();
        String key = UUID.randomUUID().toString();
        expect(api.place(customer, order(product, 1, "tok_ok"), key), 202);
        JsonNode problem = problem(api.place(customer, order(product, 2, "tok_ok"), key), 422);
        assertThat(problem.get("detail").asText()).contains("different order");
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirUser() {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Shared key", "1.00", "EUR");
        api.stock(product, 5);
        String key = UUID.randomUUID().toString();
        String first = json(expect(api.place(customer(), order(product, 1, "tok_ok"), key), 202)).get("id").asText();
        String second = json(expect(api.place(customer(), order(product, 1, "tok_ok"), key), 202)).get("id").asText();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void twentyParallelRequestsWithOneKeyMakeOneOrder() throws Exception {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Parallel", "1.00", "EUR");
        api.stock(product, 50);
        OrderApi.Customer customer = customer();
        String key = UUID.randomUUID().toString();
        List<Callable<String>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> json(expect(api.place(customer, order(product, 1, "tok_ok"), key), 202)).get("id").asText());
        }
        Set<String> ids = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<String> id : pool.invokeAll(requests)) {
                ids.add(id.get());
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(ordersOf(customer)).isEqualTo(1);
    }

    @Test
    void theKeyIsRequiredAndTheBodyValidated() {
        OrderApi api = new OrderApi(target);
        OrderApi.Customer customer = customer();
        JsonNode missing = problem(api.request("/api/v1/orders", customer.token())
                .post(Entity.json(order("p", 1, "tok_ok"))), 400);
        assertThat(missing.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        problem(api.place(customer, Map.of("items", List.of(), "paymentToken", "tok_ok",
                "shippingAddress", Map.of())), 400);
        problem(api.place(customer, Map.of("items", List.of(Map.of("productId", "p", "quantity", 0)), "paymentToken", "tok_ok",
                "shippingAddress", Map.of("name", "a", "line1", "b", "postalCode", "c", "city", "d", "country", "DE"))), 400);
        problem(api.request("/api/v1/orders", null).header("Idempotency-Key", "k").post(Entity.json(order("p", 1, "tok_ok"))), 401);
    }

    private long ordersOf(OrderApi.Customer customer) {
        return new OrderDatabase(dataSource).count("select count(*) from orders_view where user_id = ?", customer.id());
    }
}
