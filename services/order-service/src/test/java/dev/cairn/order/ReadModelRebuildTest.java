package dev.cairn.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.ProductCatalogStub;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import static dev.cairn.order.OrderApi.customer;
import static dev.cairn.order.OrderApi.order;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding the read model from the event store gives exactly the live read model. */
@HelidonTest
class ReadModelRebuildTest {

    @Inject
    WebTarget target;

    @Test
    void rebuiltReadModelEqualsTheLiveOne() {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Rebuilt", "3.30", "EUR");
        api.stock(product, 3);
        OrderApi.Customer customer = customer();
        String confirmed = api.placed(customer, order(product, 1, "tok_ok"));
        String declined = api.placed(customer, order(product, 1, "tok_declined"));
        String cancelled = api.placed(customer, order(product, 1, "tok_ok"));
        api.awaitStatus(customer, confirmed, "CONFIRMED");
        api.awaitStatus(customer, declined, "REJECTED");
        api.awaitStatus(customer, cancelled, "CONFIRMED");
        expect(api.request("/api/v1/orders/" + cancelled + "/cancel", customer.token()).post(Entity.json("{}")), 200);
        JsonNode before = json(expect(api.request("/api/v1/orders?limit=10", customer.token()).get(), 200));

        problem(api.request("/api/v1/admin/orders/read-model/rebuild", customer.token()).post(Entity.json("{}")), 403);
        JsonNode result = json(expect(api.request("/api/v1/admin/orders/read-model/rebuild", OrderApi.admin())
                .post(Entity.json("{}")), 200));
        assertThat(result.get("orders").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(result.get("differences").asInt()).isZero();

        JsonNode after = json(expect(api.request("/api/v1/orders?limit=10", customer.token()).get(), 200));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void customersSeeOnlyTheirOrdersAndAdminsFilter() {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Listed", "1.00", "EUR");
        api.stock(product, 5);
        OrderApi.Customer mine = customer();
        OrderApi.Customer other = customer();
        String myOrder = api.placed(mine, order(product, 1, "tok_ok"));
        String theirs = api.placed(other, order(product, 1, "tok_ok"));
        api.awaitStatus(mine, myOrder, "CONFIRMED");

        JsonNode list = json(expect(api.request("/api/v1/orders", mine.token()).get(), 200));
        assertThat(list.get("items")).extracting(o -> o.get("id").asText()).containsExactly(myOrder);
        problem(api.request("/api/v1/orders/" + theirs, mine.token()).get(), 404);
        problem(api.request("/api/v1/orders?userId=" + other.id(), mine.token()).get(), 403);
        JsonNode adminView = json(expect(api.request("/api/v1/orders?status=CONFIRMED&userId=" + mine.id(),
                OrderApi.admin()).get(), 200));
        assertThat(adminView.get("items")).extracting(o -> o.get("id").asText()).containsExactly(myOrder);
        problem(api.request("/api/v1/orders?status=LOST", mine.token()).get(), 400);
    }
}
