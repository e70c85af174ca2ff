package dev.cairn.order;

import dev.cairn.testsupport.ProductCatalogStub;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cairn.order.OrderApi.customer;
import static dev.cairn.order.OrderApi.order;
import static dev.cairn.testsupport.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the product service down, orders are still accepted (202, never a 500) and stay PENDING while the saga
 * retries; they are confirmed if the product service comes back in time, else rejected with the reason.
 */
@HelidonTest
@AddConfig(key = "cairn.orders.saga.pricing-deadline", value = "3s")
@AddConfig(key = "cairn.orders.saga.retry-backoff", value = "200ms")
@AddConfig(key = "cairn.orders.saga.poll-interval", value = "200ms")
class ProductServiceDownTest {

    @Inject
    WebTarget target;

    @AfterEach
    void productServiceBack() {
        ProductCatalogStub.shared().down(false);
    }

    @Test
    void ordersAreRejectedWithTheReasonWhenTheCatalogStaysDown() {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Unreachable", "1.00", "EUR");
        api.stock(product, 5);
        ProductCatalogStub.shared().down(true);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_ok"));
        assertThat(api.get(customer, id).get("status").asText()).isEqualTo("PENDING");
        var rejected = api.awaitStatus(customer, id, "REJECTED");
        assertThat(rejected.get("reason").asText()).contains("product catalog is unavailable");
        assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(5);
    }

    @Test
    void ordersWaitAndConfirmWhenTheCatalogComesBack() {
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Flaky", "1.00", "EUR");
        api.stock(product, 5);
        ProductCatalogStub.shared().down(true);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_ok"));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(api.get(customer, id).get("status").asText()).isEqualTo("PENDING"));
        ProductCatalogStub.shared().down(false);
        api.awaitStatus(customer, id, "CONFIRMED");
        expect(api.request("/api/v1/orders/" + id, customer.token()).get(), 200);
    }
}
