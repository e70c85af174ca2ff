package dev.cairn.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.order.inventory.Inventory;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Stock levels: admin sets them (with an inventory.updated event), a new product starts at zero, bad input is 4xx. */
@HelidonTest
class InventoryTest {

    @Inject
    WebTarget target;
    @Inject
    Inventory inventory;
    @Inject
    @Named("orders")
    DataSource dataSource;

    @Test
    void aNewProductStartsWithNoStockOnce() {
        OrderApi api = new OrderApi(target);
        String product = "new-" + UUID.randomUUID();
        problem(api.request("/api/v1/inventory/" + product, null).get(), 404);
        assertThat(inventory.productCreated(product)).isTrue();
        assertThat(inventory.productCreated(product)).isFalse();
        JsonNode stock = json(expect(api.request("/api/v1/inventory/" + product, null).get(), 200));
        assertThat(stock.get("available").asInt()).isZero();
        assertThat(stock.get("reserved").asInt()).isZero();
    }

    @Test
    void adminsSetStockAndEachChangeIsAnEvent() {
        OrderApi api = new OrderApi(target);
        String product = "set-" + UUID.randomUUID();
        api.stock(product, 7);
        api.stock(product, 9);
        assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(9);
        assertThat(new OrderDatabase(dataSource).count("select count(*) from event_store where aggregate_type = 'inventory' "
                + "and aggregate_id = ? and type = 'inventory.updated'", product)).isEqualTo(2);
    }

    @Test
    void invalidStockChangesAreRefused() {
        OrderApi api = new OrderApi(target);
        String product = "bad-" + UUID.randomUUID();
        problem(api.request("/api/v1/inventory/" + product, OrderApi.customer().token())
                .put(Entity.json(Map.of("available", 5))), 403);
        problem(api.request("/api/v1/inventory/" + product, null).put(Entity.json(Map.of("available", 5))), 401);
        JsonNode negative = problem(api.request("/api/v1/inventory/" + product, OrderApi.admin())
                .put(Entity.json(Map.of("available", -1))), 400);
        assertThat(negative.get("errors").get(0).get("field").asText()).contains("available");
        problem(api.request("/api/v1/inventory/" + product, OrderApi.admin())
                .put(Entity.json(Map.of("available", "many"))), 400);
    }
}
