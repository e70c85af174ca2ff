package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.launcher.Project;
import dev.cairn.launcher.process.ServiceSpec;
import dev.cairn.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * `./cairn up` as a user runs it: all five processes become ready, serve metrics, and a SIGINT stops every one of them
 * gracefully, leaving no process behind. Runs on ports 9080-9084 with its own run directory, so it does not collide
 * with a developer's own `cairn up`.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(0) // before the suites that share one platform: two platforms on one PostgreSQL share relay leadership
class CairnUpIT {

    private static final int PORT_OFFSET = 1000;
    private static final Path ROOT = Project.root();
    private static final Path RUN_DIR = ROOT.resolve("system-tests/target/cairn-up-it");
    private static final Path OUTPUT = RUN_DIR.resolve("cairn-up.out");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<ServiceSpec> PROCESSES =
            ServiceSpec.PLATFORM.stream().map(s -> s.withPortOffset(PORT_OFFSET)).toList();

    private static final String ADMIN_EMAIL = "admin@cairn-up-it.test";
    private static final String ADMIN_PASSWORD = "a long local admin password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Process cairnUp;
    private static List<ProcessHandle> children;
    private static OtlpReceiver collector;

    @BeforeAll
    static void startCairnUp() throws IOException {
        Files.createDirectories(RUN_DIR);
        collector = new OtlpReceiver();
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("cairn").toString(), "up", "--quiet", "--observability",
                "--port-offset", Integer.toString(PORT_OFFSET))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(OUTPUT.toFile());
        builder.environment().put("CAIRN_RUN_DIR", RUN_DIR.toString());
        builder.environment().put("CAIRN_ADMIN_EMAIL", ADMIN_EMAIL);
        builder.environment().put("CAIRN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // analytics keys of this run only, so the summary counts exactly this test's orders
        builder.environment().put("CAIRN_ANALYTICS_KEY_PREFIX", "cairn-up-it:" + UUID.randomUUID() + ":");
        List.of("CAIRN_MONGO_URI", "CAIRN_KAFKA_BOOTSTRAP").forEach(builder.environment()::remove);
        // every process exports its spans to this test's in-memory collector, in batches every 200 ms
        builder.environment().put("CAIRN_OTLP_ENDPOINT", collector.endpoint());
        builder.environment().put("OTEL_BSP_SCHEDULE_DELAY", "200");
        cairnUp = builder.start();
    }

    @AfterAll
    static void killLeftovers() {
        if (cairnUp != null && cairnUp.isAlive()) {
            cairnUp.descendants().forEach(ProcessHandle::destroyForcibly);
            cairnUp.destroyForcibly();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    @Order(1)
    void allFiveProcessesBecomeReady() {
        await().atMost(3, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(cairnUp.isAlive()).as("cairn up is running; output:\n%s", output()).isTrue();
                    for (ServiceSpec process : PROCESSES) {
                        assertThat(get(process.port(), "/health/ready").statusCode())
                                .as(process.name() + " ready").isEqualTo(200);
                    }
                });
        await().atMost(30, TimeUnit.SECONDS).until(() -> output().contains("Cairn is up in"));
        children = cairnUp.descendants().filter(ProcessHandle::isAlive).toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(PROCESSES.size());
    }

    @Test
    @Order(2)
    void everyProcessServesPrometheusMetrics() throws Exception {
        for (ServiceSpec process : PROCESSES) {
            HttpResponse<String> metrics = get(process.port(), "/metrics");
            assertThat(metrics.statusCode()).as(process.name()).isEqualTo(200);
            assertThat(metrics.body()).as(process.name()).contains("# TYPE").contains("jvm_uptime_seconds");
        }
        // the pools are made (and migrate the schema) before Helidon's metrics are ready; their meters come later
        Map<String, String> pools = Map.of("user-service", "users", "order-service", "orders");
        await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
            for (ServiceSpec process : PROCESSES) {
                if (pools.containsKey(process.name())) {
                    assertThat(get(process.port(), "/metrics").body()).as(process.name())
                            .containsPattern("cairn_db_pool_connections\\{[^}]*pool=\"" + pools.get(process.name()) + "\"")
                            .contains("cairn_db_pool_acquire_seconds");
                }
            }
        });
    }

    @Test
    @Order(3)
    void aUserRegistersLogsInRefreshesAndLogsOutAsTheReadmeShows() throws Exception {
        int port = 8080 + PORT_OFFSET; // through the gateway, as the README does
        String email = TestDatabases.uniqueEmail("readme");
        HttpResponse<String> registered = post(port, "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\",\"name\":\"Ada Lovelace\"}", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        JsonNode tokens = JSON.readTree(post(port, "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery staple\"}", null).body());
        String access = tokens.get("accessToken").asText();
        HttpResponse<String> me = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/users/me"))
                .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).get("email").asText()).isEqualTo(email.toLowerCase());

        HttpResponse<String> refreshed = post(port, "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asText() + "\"}", null);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String refreshToken = JSON.readTree(refreshed.body()).get("refreshToken").asText();
        assertThat(post(port, "/api/v1/auth/logout", "{\"refreshToken\":\"" + refreshToken + "\"}", null).statusCode())
                .isEqualTo(204);
        assertThat(post(port, "/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null).statusCode())
                .isEqualTo(401);

        HttpResponse<String> adminLogin = post(port, "/api/v1/auth/login",
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        assertThat(adminLogin.statusCode()).as("bootstrap admin from CAIRN_ADMIN_EMAIL: " + adminLogin.body()).isEqualTo(200);
        String adminToken = JSON.readTree(adminLogin.body()).get("accessToken").asText();
        HttpResponse<String> users = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/users?q="
                        + java.net.URLEncoder.encode(email.substring(0, email.indexOf('@')), java.nio.charset.StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(JSON.readTree(users.body()).get("items")).hasSize(1);
    }

    @Test
    @Order(4)
    void demoProductsReachTheOrderServiceThroughTheEventBackbone() throws Exception {
        HttpResponse<String> products = get(8083 + PORT_OFFSET, "/api/v2/products?category=books&limit=3");
        assertThat(products.statusCode()).as(products.body()).isEqualTo(200);
        JsonNode items = JSON.readTree(products.body()).get("items");
        assertThat(items).hasSize(3);
        for (JsonNode product : items) {
            // product.created: product-service outbox -> relay -> RabbitMQ cairn.events -> order-service consumer.
            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() -> {
                HttpResponse<String> stock = get(8082 + PORT_OFFSET, "/api/v1/inventory/" + product.get("id").asText());
                assertThat(stock.statusCode()).as(stock.body()).isEqualTo(200);
                assertThat(JSON.readTree(stock.body()).get("available").asInt()).isZero();
            });
        }
    }

    @Test
    @Order(5)
    void tenOrdersShowInTheAnalyticsSummaryWithinSeconds() throws Exception {
        String admin = adminToken();
        String product = firstBook();
        stock(admin, product, 100);
        String order = orderOf(product);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> placed = Http.send(GATEWAY, "POST", "/api/v1/orders", admin, order,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        }
        // gateway -> order-service; event store -> relay -> Kafka cairn.analytics -> analytics-service -> Redis windows
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> summary = Http.send(GATEWAY, "GET", "/api/v1/analytics/summary?window=5m", admin, null);
            assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(summary.body());
            // other tests of this JVM may have sent orders to the same Kafka: the demo product is this run's alone
            assertThat(body.get("ordersCreated").asLong()).as(summary.body()).isGreaterThanOrEqualTo(10);
            assertThat(body.get("ordersPaid").asLong()).as(summary.body()).isGreaterThanOrEqualTo(10);
            JsonNode sold = null;
            for (JsonNode entry : body.get("topProductsBySales")) {
                sold = entry.get("productId").asText().equals(product) ? entry : sold;
            }
            assertThat(sold).as(summary.body()).isNotNull();
            assertThat(sold.get("count").asLong()).isEqualTo(10);
        });
    }

    @Test
    @Order(6)
    void aRealPrometheusStartedByObservabilityScrapesEveryProcessAndCountsTheOrders() throws Exception {
        assumeTrue(ObservabilityAssetsTest.onPath("prometheus"),
                "prometheus is not installed (.ci/run installs the Debian package)");
        String api = "http://127.0.0.1:" + (9090 + PORT_OFFSET);
        assertThat(output()).contains("prometheus      " + api);
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode up = query(api, "sum(up)");
            assertThat(up.get(0).get("value").get(1).asText()).as("all five processes scraped").isEqualTo("5");
            JsonNode orders = query(api, "sum(cairn_orders_created_total{job=\"order-service\"})");
            assertThat(orders.get(0).get("value").get(1).asText()).as("the orders placed above").isEqualTo("10");
        });
        JsonNode rules = JSON.readTree(Http.send(api, "GET", "/api/v1/rules", null, null).body());
        assertThat(rules.get("data").get("groups")).as("the rules of deploy/prometheus/rules.yml are loaded")
                .anySatisfy(group -> assertThat(group.get("name").asText()).isEqualTo("cairn-alerts"));
    }

    private static JsonNode query(String api, String promql) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.send(api, "GET", "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8), null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body()).get("data").get("result");
        assertThat(result).as(response.body()).isNotEmpty();
        return result;
    }

    @Test
    @Order(7)
    void oneOrderIsOneTraceFromTheGatewayToTheLastConsumer() throws Exception {
        String admin = adminToken();
        String product = firstBook();
        stock(admin, product, 10);
        // Forget the price the product events cached, so this order is priced by a call to the product service.
        try (Connection orders = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/cairn_orders", "postgres", "");
             PreparedStatement forget = orders.prepareStatement("delete from product_prices where product_id = ?")) {
            forget.setString(1, product);
            forget.executeUpdate();
        }
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String order = orderOf(product);
        HttpResponse<String> placed = Http.send(GATEWAY, "POST", "/api/v1/orders", admin, order,
                Map.of("Idempotency-Key", UUID.randomUUID().toString(), "traceparent", traceparent));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String orderId = JSON.readTree(placed.body()).get("id").asText();

        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<OtlpReceiver.ReceivedSpan> spans = collector.spansOf(traceId);
            assertThat(spans).as("spans of trace %s: %s (all spans per service: %s)", traceId, spans,
                            collector.spansPerService())
                    .anySatisfy(span -> assertSpan(span, "gateway", "SERVER", "POST /api/v1/orders"))
                    .anySatisfy(span -> assertSpan(span, "gateway", "CLIENT", "POST orders"))
                    .anySatisfy(span -> assertSpan(span, "order-service", "SERVER", "POST /api/v1/orders"))
                    .anySatisfy(span -> assertSpan(span, "order-service", "INTERNAL", "order-saga price"))
                    .anySatisfy(span -> assertSpan(span, "order-service", "CLIENT", "HTTP GET"))
                    .anySatisfy(span -> {
                        // a JDBC statement of the order's transaction (PostgresDataSources.traced)
                        assertThat(span.service()).isEqualTo("order-service");
                        assertThat(span.kind()).isEqualTo("SPAN_KIND_CLIENT");
                        assertThat(span.name()).startsWith("INSERT cairn_orders.");
                    })
                    .anySatisfy(span -> assertSpan(span, "product-service", "SERVER", "GET /api/v2/products/{id}"))
                    .anySatisfy(span -> assertSpan(span, "user-service", "CONSUMER", "user-service.order-events process"))
                    .anySatisfy(span -> assertSpan(span, "product-service", "CONSUMER",
                            "product-service.order-events process"))
                    .anySatisfy(span -> assertSpan(span, "analytics-service", "CONSUMER",
                            "analytics-service.cairn.analytics process"));
            // one tree: the gateway's server span is the child of the client's span, every other span has its parent
            // in the trace
            Set<String> parents = new HashSet<>(Set.of("00f067aa0ba902b7"));
            spans.forEach(span -> parents.add(span.spanId()));
            assertThat(spans).allSatisfy(span -> assertThat(parents).as("parent of %s", span).contains(span.parentSpanId()));
        });
        // a log line written inside the request carries its trace id
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> assertThat(
                Files.readAllLines(RUN_DIR.resolve("logs/order-service.log")).stream()
                        .filter(line -> line.contains("\"order accepted\"") && line.contains(orderId)).findFirst())
                .as("order-service log line of order %s", orderId)
                .map(CairnUpIT::traceIdOfLogLine).hasValue(traceId));
    }

    private static String traceIdOfLogLine(String line) {
        try {
            return JSON.readTree(line).path("traceId").asText();
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static void assertSpan(OtlpReceiver.ReceivedSpan span, String service, String kind, String name) {
        assertThat(span.service()).isEqualTo(service);
        assertThat(span.kind()).isEqualTo("SPAN_KIND_" + kind);
        assertThat(span.name()).isEqualTo(name);
    }

    @Test
    @Order(8)
    void statusCommandSeesTheRunningPlatform() throws Exception {
        ProcessBuilder status = new ProcessBuilder(ROOT.resolve("cairn").toString(), "status")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        status.environment().put("CAIRN_RUN_DIR", RUN_DIR.toString());
        Process process = status.start();
        String text = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("gateway", "user-service", "order-service", "product-service", "analytics-service");
    }

    @Test
    @Order(9)
    void sigintStopsEveryProcessGracefully() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(cairnUp.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertThat(cairnUp.waitFor(90, TimeUnit.SECONDS)).as("cairn up exits; output:\n%s", output()).isTrue();
        assertThat(cairnUp.exitValue()).as(output()).isZero();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(children).as("child processes still alive").noneMatch(ProcessHandle::isAlive));
        String stopLines = output().lines().filter(line -> line.contains("stop") || line.contains("exited")
                || line.contains("killing")).collect(java.util.stream.Collectors.joining("\n"));
        for (ServiceSpec process : PROCESSES) {
            assertThat(stopLines).as("what cairn up said while stopping").contains("stopped " + process.name() + " (exit status 0)");
        }
        assertThat(Files.exists(RUN_DIR.resolve("run/state.properties"))).isFalse();
    }

    private static final String GATEWAY = "http://127.0.0.1:" + (8080 + PORT_OFFSET);

    private static String adminToken() throws IOException, InterruptedException {
        return JSON.readTree(Http.send(GATEWAY, "POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}").body())
                .get("accessToken").asText();
    }

    /** A demo product; its inventory row exists once product.created reached the order service. */
    private static String firstBook() throws IOException, InterruptedException {
        return JSON.readTree(get(8080 + PORT_OFFSET, "/api/v2/products?category=books&limit=1").body())
                .get("items").get(0).get("id").asText();
    }

    private static void stock(String admin, String product, int available) {
        await().atMost(30, TimeUnit.SECONDS).until(() -> Http.send(GATEWAY, "PUT", "/api/v1/inventory/" + product, admin,
                "{\"available\":" + available + "}").statusCode() == 200);
    }

    private static String orderOf(String product) {
        return "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1}],\"paymentToken\":\"tok_ok\","
                + "\"shippingAddress\":{\"name\":\"Ada\",\"line1\":\"1 Way\",\"postalCode\":\"10115\","
                + "\"city\":\"Berlin\",\"country\":\"DE\"}}";
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new AssertionError("nothing listens on " + port + " yet", e);
        }
    }

    private static HttpResponse<String> post(int port, String path, String json, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String output() throws IOException {
        return Files.exists(OUTPUT) ? Files.readString(OUTPUT) : "";
    }
}
