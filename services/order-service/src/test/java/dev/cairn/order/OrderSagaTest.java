package dev.cairn.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.order.domain.OrderLine;
import dev.cairn.order.persistence.SagaStore;
import dev.cairn.order.saga.OrderSaga;
import dev.cairn.order.saga.SagaRecords;
import dev.cairn.testsupport.ProductCatalogStub;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.cairn.order.OrderApi.customer;
import static dev.cairn.order.OrderApi.order;
import static dev.cairn.testsupport.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every payment token path ends in the right status with stock and payment consistent; history and live updates. */
@HelidonTest
@AddConfig(key = "cairn.orders.saga.retry-backoff", value = "100ms")
@AddConfig(key = "cairn.orders.saga.poll-interval", value = "200ms")
class OrderSagaTest {

    @Inject
    WebTarget target;
    @Inject
    OrderSaga saga;
    @Inject
    SagaRecords records;
    @Inject
    @Named("orders")
    DataSource dataSource;

    private String product(OrderApi api, String price, int stock) {
        String id = ProductCatalogStub.shared().add("Thing", price, "EUR");
        api.stock(id, stock);
        return id;
    }

    @Test
    void tokOkConfirmsCapturesAndReserves() {
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = product(api, "12.50", 10);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 3, "tok_ok"));

        JsonNode confirmed = api.awaitStatus(customer, id, "CONFIRMED");
        assertThat(confirmed.get("total").get("amount").asText()).isEqualTo("37.50");
        assertThat(confirmed.get("total").get("currency").asText()).isEqualTo("EUR");
        assertThat(confirmed.get("items").get(0).get("unitPrice").get("amount").asText()).isEqualTo("12.50");
        assertThat(db.paymentStatus(id)).contains("CAPTURED");
        JsonNode stock = api.stockOf(product);
        assertThat(stock.get("available").asInt()).isEqualTo(7);
        assertThat(stock.get("reserved").asInt()).isEqualTo(3);

        JsonNode history = json(api.request("/api/v1/orders/" + id + "/history", customer.token()).get());
        assertThat(history).extracting(event -> event.get("type").asText()).containsExactly("order.created", "order.paid");
        assertThat(history).extracting(event -> event.get("sequence").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void runsStartedTogetherForOneSagaReserveAndPayItOnce() {
        // The poller and a kick (or two kicks) can start runs of one new saga at the same moment; each must see
        // the other's lease, or both reserve and the second reservation finds the stock gone (order REJECTED).
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = product(api, "2.00", 12);
        OrderApi.Customer customer = customer();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = api.placed(customer, order(product, 3, "tok_ok"));
            for (int kick = 0; kick < 3; kick++) {
                saga.kick(UUID.fromString(id));
            }
            ids.add(id);
        }
        for (String id : ids) {
            assertThat(api.awaitStatus(customer, id, "CONFIRMED").get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(db.reservedUnits(id)).as("units reserved by order %s", id).isEqualTo(3);
        }
        assertThat(api.stockOf(product).get("available").asInt()).isZero();
        assertThat(api.stockOf(product).get("reserved").asInt()).isEqualTo(12);
    }

    @Test
    void aRunnerWhoseLeaseRanOutCannotCommitAStep() {
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = product(api, "1.00", 5);
        UUID orderId = UUID.randomUUID();
        // A saga of no real order, due in an hour so that the poller leaves it to this test.
        Instant later = Instant.now().plus(Duration.ofHours(2));
        db.update("insert into order_sagas (order_id, state, payment_token, next_attempt_at, started_at, updated_at) "
                + "values (?, 'RESERVE', 'tok_ok', now() + interval '1 hour', now(), now())", orderId);
        try {
            List<OrderLine> lines = List.of(new OrderLine(product, 2, new BigDecimal("1.00"), "EUR"));
            Duration lease = Duration.ofSeconds(30);
            assertThat(records.claim(orderId, "runner-a", lease, later)).isPresent();
            assertThat(records.claim(orderId, "runner-b", lease, later.plusSeconds(1))).as("leased to runner-a").isEmpty();
            assertThat(records.claim(orderId, "runner-b", lease, later.plusSeconds(31))).as("runner-a's lease ran out")
                    .hasValueSatisfying(state -> assertThat(state.state()).isEqualTo("RESERVE"));

            assertThatThrownBy(() -> records.reserve(orderId, "runner-a", lines, later))
                    .isInstanceOf(SagaStore.LeaseLostException.class);
            assertThat(api.stockOf(product).get("available").asInt()).as("runner-a's reservation rolled back").isEqualTo(5);
            records.retryLater(orderId, "runner-a", "late", later, later);
            assertThat(records.claim(orderId, "runner-c", lease, later.plusSeconds(32)))
                    .as("runner-a cannot give up runner-b's lease").isEmpty();

            records.reserve(orderId, "runner-b", lines, later.plusSeconds(32));
            assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(3);
            assertThat(db.count("select count(*) from order_sagas where order_id = ? and state = 'PAY'", orderId)).isEqualTo(1);
        } finally {
            db.update("delete from inventory_reservations where order_id = ?", orderId);
            db.update("delete from order_sagas where order_id = ?", orderId);
        }
    }

    @Test
    void metricsCountOrdersValuesStepsAndStockOuts() {
        OrderApi api = new OrderApi(target);
        String product = product(api, "8.00", 1);
        OrderApi.Customer customer = customer();
        api.awaitStatus(customer, api.placed(customer, order(product, 1, "tok_ok")), "CONFIRMED");
        api.awaitStatus(customer, api.placed(customer, order(product, 1, "tok_ok")), "REJECTED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = target.path("/metrics").request("text/plain").get(String.class);
            assertThat(metrics).contains("cairn_orders_created_total", "cairn_order_value", "cairn_saga_step_seconds",
                    "cairn_inventory_stockouts_total");
            assertThat(metrics).containsPattern("cairn_orders_total\\{[^}]*status=\"CONFIRMED\"[^}]*} [1-9]");
        });
    }

    @Test
    void aStepRepeatedAfterItsCommitChangesNothing() throws Exception {
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = product(api, "3.00", 2);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_ok"));
        api.awaitStatus(customer, id, "CONFIRMED");
        // As if the process had died after confirming but before anyone saw the saga's last commit.
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "update order_sagas set state = 'CONFIRM', lease_owner = null, lease_until = null where order_id = ?::uuid")) {
            update.setString(1, id);
            update.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.count("select count(*) from order_sagas where order_id = ?::uuid and state = 'COMPLETED'", id) == 1);
        assertThat(api.get(customer, id).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(db.paymentStatus(id)).contains("CAPTURED");
        assertThat(api.stockOf(product).get("reserved").asInt()).isEqualTo(1);
    }

    @Test
    void tokDeclinedRejectsAndReleasesStock() {
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = product(api, "5.00", 4);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 2, "tok_declined"));

        JsonNode rejected = api.awaitStatus(customer, id, "REJECTED");
        assertThat(rejected.get("reason").asText()).contains("declined");
        assertThat(db.paymentStatus(id)).contains("DECLINED");
        assertThat(db.reservedUnits(id)).isZero();
        assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(4);
        assertThat(api.stockOf(product).get("reserved").asInt()).isZero();
    }

    @Test
    void tokSlowStillConfirms() {
        OrderApi api = new OrderApi(target);
        String product = product(api, "1.00", 1);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_slow"));
        assertThat(api.awaitStatus(customer, id, "CONFIRMED").get("total").get("amount").asText()).isEqualTo("1.00");
    }

    @Test
    void tokErrorIsRetriedThenRejectedWithNothingCaptured() {
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = product(api, "9.99", 2);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_error"));

        JsonNode rejected = api.awaitStatus(customer, id, "REJECTED");
        assertThat(rejected.get("reason").asText()).contains("payment provider is unavailable");
        assertThat(db.paymentStatus(id)).isEmpty();
        assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(2);
        assertThat(api.stockOf(product).get("reserved").asInt()).isZero();
    }

    @Test
    void insufficientStockRejects() {
        OrderApi api = new OrderApi(target);
        String product = product(api, "3.00", 1);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 2, "tok_ok"));
        assertThat(api.awaitStatus(customer, id, "REJECTED").get("reason").asText()).contains("insufficient stock");
        assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(1);
    }

    @Test
    void unknownProductRejects() {
        OrderApi api = new OrderApi(target);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order("no-such-product", 1, "tok_ok"));
        assertThat(api.awaitStatus(customer, id, "REJECTED").get("reason").asText()).contains("does not exist");
    }

    @Test
    void cancellingAConfirmedOrderRefundsAndReleases() {
        OrderApi api = new OrderApi(target);
        OrderDatabase db = new OrderDatabase(dataSource);
        String product = product(api, "20.00", 5);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 2, "tok_ok"));
        api.awaitStatus(customer, id, "CONFIRMED");

        JsonNode cancelled = json(api.request("/api/v1/orders/" + id + "/cancel", customer.token())
                .post(jakarta.ws.rs.client.Entity.json("{}")));
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(db.paymentStatus(id)).contains("REFUNDED");
            assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(5);
            assertThat(api.stockOf(product).get("reserved").asInt()).isZero();
        });
    }

    @Test
    void shippingCommitsTheReservedStock() {
        OrderApi api = new OrderApi(target);
        String product = product(api, "2.00", 3);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_ok"));
        api.awaitStatus(customer, id, "CONFIRMED");
        OrderApi.expect(api.request("/api/v1/orders/" + id + "/ship", customer.token())
                .post(jakarta.ws.rs.client.Entity.json("{}")), 403);
        JsonNode shipped = json(OrderApi.expect(api.request("/api/v1/orders/" + id + "/ship", OrderApi.admin())
                .post(jakarta.ws.rs.client.Entity.json("{}")), 200));
        assertThat(shipped.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(api.stockOf(product).get("available").asInt()).isEqualTo(2);
        assertThat(api.stockOf(product).get("reserved").asInt()).isZero();
        OrderApi.problem(api.request("/api/v1/orders/" + id + "/cancel", customer.token())
                .post(jakarta.ws.rs.client.Entity.json("{}")), 409);
    }

    @Test
    void liveUpdatesStreamPendingThenConfirmed() throws Exception {
        OrderApi api = new OrderApi(target);
        String product = product(api, "4.00", 1);
        OrderApi.Customer customer = customer();
        String id = api.placed(customer, order(product, 1, "tok_slow"));

        List<String> statuses = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.getUri() + "/api/v1/orders/" + id + "/updates"))
                .header("Authorization", "Bearer " + customer.token())
                .header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<java.util.stream.Stream<String>> response = stream.get();
        assertThat(response.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> response.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> statuses.add(statusOf(line.substring(5).trim()))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(statuses).containsSubsequence("PENDING", "CONFIRMED"));
    }

    private static String statusOf(String data) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(data).get("status").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
