package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.TcpProxy;
import dev.cairn.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failures under a steady load of orders, on a platform of its own (ports 12080-12084) whose RabbitMQ and Redis
 * connections go through TCP proxies, so "restarting RabbitMQ" and "stopping Redis" cut those paths and the machine's
 * shared servers keep running: kill -9 of the order service mid-saga (and a restart), RabbitMQ gone and back, Redis
 * gone and back, the product service stopped and started again. Afterwards no order is left PENDING, the stock adds
 * up, every order's events reached each consumer exactly once, and clients saw only documented answers.
 */
@Order(5)
class ChaosIT {

    private static final int PORT_OFFSET = 4000;
    private static final int INITIAL_STOCK = 600;
    /**
     * What a client may see: 202, the documented 4xx, 503 with Retry-After (breaker open, no instance available), and
     * 502 problem, which docs/GATEWAY.md documents for an upstream that cannot be reached or dies with the request in
     * flight (the kill -9); the client retries with its Idempotency-Key, which makes that safe.
     */
    private static final Set<Integer> DOCUMENTED = Set.of(202, 400, 401, 403, 404, 409, 422, 429, 502, 503);
    private static final SuiteReport REPORT = new SuiteReport("ChaosIT");

    /** The shared platform (if an earlier suite started it) stops first: this suite wants the machine's cores. */
    @RegisterExtension
    static final BeforeAllCallback STOP_SHARED_PLATFORM = SharedPlatform::stopIfStarted;

    private static TcpProxy rabbitmq;
    private static TcpProxy redis;
    private static Platform platform;
    private static RabbitVhost vhost;

    @BeforeAll
    static void startPlatformBehindProxies() throws Exception {
        vhost = RabbitVhost.create("cairn-st-chaos-" + UUID.randomUUID().toString().substring(0, 8));
        URI rabbit = URI.create(vhost.url());
        URI redisUri = URI.create(TestInfrastructure.redisUrl());
        rabbitmq = new TcpProxy(rabbit.getHost(), rabbit.getPort() < 0 ? 5672 : rabbit.getPort());
        redis = new TcpProxy(redisUri.getHost(), redisUri.getPort() < 0 ? 6379 : redisUri.getPort());
        Instant begin = Instant.now();
        platform = Platform.start("chaos", PORT_OFFSET, Map.of(
                "CAIRN_RABBITMQ_URL", rabbit.getScheme() + "://" + (rabbit.getRawUserInfo() == null ? "" : rabbit.getRawUserInfo() + "@")
                        + "127.0.0.1:" + rabbitmq.port() + (rabbit.getRawPath() == null ? "" : rabbit.getRawPath()),
                "CAIRN_REDIS_URL", redisUri.getScheme() + "://" + (redisUri.getRawUserInfo() == null ? "" : redisUri.getRawUserInfo() + "@")
                        + "127.0.0.1:" + redis.port() + (redisUri.getRawPath() == null ? "" : redisUri.getRawPath()),
                // a crashed instance's sagas are taken over 5 s after its last lease renewal
                "CAIRN_ORDERS_SAGA_LEASE", "5s",
                "CAIRN_ORDERS_SAGA_POLL_INTERVAL", "500ms"));
        REPORT.timing("platform startup", Duration.between(begin, Instant.now()));
    }

    @AfterAll
    static void stop() {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            if (rabbitmq != null) {
                rabbitmq.close();
            }
            if (redis != null) {
                redis.close();
            }
            if (vhost != null) {
                vhost.close();
            }
            REPORT.write();
        }
    }

    /** One order the load placed: who, how many, and the answer it finally got. */
    private record Placed(String orderId, String customerId, int quantity) {
    }

    @Test
    void underLoadThePlatformSurvivesCrashesAndOutagesWithConsistentStockAndExactlyOnceEvents() throws Exception {
        List<Platform.Customer> customers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            customers.add(platform.newCustomer("chaos-" + i));
        }
        String product = platform.newProduct("Chaos Monkey Plush " + UUID.randomUUID().toString().substring(0, 8), "5.00", "games");
        platform.setStock(product, INITIAL_STOCK);

        List<Placed> placed = new CopyOnWriteArrayList<>();
        Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
        AtomicLong transportErrors = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            Random random = new Random(7L + w);
            workers.add(load.submit(() -> {
                while (running.get()) {
                    Platform.Customer customer = customers.get(random.nextInt(customers.size()));
                    int quantity = 1 + random.nextInt(3);
                    String body = Platform.orderBody(product, quantity, random.nextInt(5) == 0 ? "tok_declined" : "tok_ok");
                    String key = UUID.randomUUID().toString();
                    // a client retries with the same Idempotency-Key until it gets a definitive answer
                    Instant giveUp = Instant.now().plusSeconds(90);
                    while (Instant.now().isBefore(giveUp)) {
                        attempts.incrementAndGet();
                        int status;
                        HttpResponse<String> answer;
                        try {
                            answer = Http.send(platform.gateway(), "POST", "/api/v1/orders", customer.token(), body,
                                    Map.of("Idempotency-Key", key));
                            status = answer.statusCode();
                        } catch (IOException e) {
                            transportErrors.incrementAndGet();
                            continue;
                        }
                        answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                        if (status == 202) {
                            placed.add(new Placed(Platform.json(answer).get("id").asText(), customer.id(), quantity));
                            break;
                        }
                        if (status < 500 && status != 429) {
                            break;
                        }
                    }
                }
                return null;
            }));
        }

        Instant chaosBegins = Instant.now();
        awaitProgress(placed, 10, "load running");

        // 1. kill -9 the order service while sagas are in flight, then start it again
        long orderPid = platform.pid("order-service");
        List<String> orderCommand = Platform.commandLineOf(orderPid);
        Map<String, String> orderEnvironment = Platform.environmentOf(orderPid);
        Instant step = Instant.now();
        ProcessHandle.of(orderPid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(10, TimeUnit.SECONDS).until(() -> ProcessHandle.of(orderPid).map(p -> !p.isAlive()).orElse(true));
        long attemptsAtKill = attempts.get();
        await().atMost(20, TimeUnit.SECONDS).until(() -> attempts.get() >= attemptsAtKill + 5);
        platform.restart("order-service", orderCommand, orderEnvironment);
        REPORT.timing("1 order-service kill -9 to ready again", Duration.between(step, Instant.now()));
        awaitProgress(placed, 10, "orders accepted after the order service restarted");

        // 2. RabbitMQ "restart": every connection dropped, none possible for a while
        step = Instant.now();
        rabbitmq.cut();
        awaitProgress(placed, 30, "orders accepted while RabbitMQ is down");
        rabbitmq.restore();
        REPORT.timing("2 rabbitmq down", Duration.between(step, Instant.now()));
        awaitProgress(placed, 10, "orders accepted after RabbitMQ came back");

        // 3. Redis stopped
        step = Instant.now();
        redis.cut();
        long attemptsAtRedisCut = attempts.get();
        // at least 5 s without Redis, with orders attempted meanwhile
        await().pollDelay(5, TimeUnit.SECONDS).atMost(60, TimeUnit.SECONDS).until(() -> attempts.get() >= attemptsAtRedisCut + 15);
        redis.restore();
        REPORT.timing("3 redis down", Duration.between(step, Instant.now()));
        awaitProgress(placed, 10, "orders accepted after Redis came back");

        // 4. the product service stopped (SIGTERM) and started again
        long productPid = platform.pid("product-service");
        List<String> productCommand = Platform.commandLineOf(productPid);
        Map<String, String> productEnvironment = Platform.environmentOf(productPid);
        step = Instant.now();
        ProcessHandle.of(productPid).ifPresent(ProcessHandle::destroy);
        await().atMost(40, TimeUnit.SECONDS).until(() -> ProcessHandle.of(productPid).map(p -> !p.isAlive()).orElse(true));
        awaitProgress(placed, 10, "orders accepted while the product service is down");
        platform.restart("product-service", productCommand, productEnvironment);
        REPORT.timing("4 product-service down to ready again", Duration.between(step, Instant.now()));
        awaitProgress(placed, 10, "orders accepted after the product service came back");

        running.set(false);
        for (Future<?> worker : workers) {
            worker.get(2, TimeUnit.MINUTES);
        }
        load.shutdown();
        REPORT.timing("chaos under load", Duration.between(chaosBegins, Instant.now()));
        REPORT.count("orders accepted", placed.size());
        REPORT.count("order attempts", attempts.get());
        REPORT.count("transport errors (retried)", transportErrors.get());
        answers.forEach((status, n) -> REPORT.count("answer " + status, n.get()));

        // clients only saw documented answers
        assertThat(answers.keySet()).as("statuses clients saw: %s", answers).isSubsetOf(DOCUMENTED);

        // no order stuck in PENDING
        Instant settleBegin = Instant.now();
        Map<String, JsonNode> settled = new ConcurrentHashMap<>();
        await().atMost(3, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Placed order : placed) {
                if (!settled.containsKey(order.orderId())) {
                    HttpResponse<String> read = platform.call("GET", "/api/v1/orders/" + order.orderId(), platform.admin(), null);
                    if (read.statusCode() == 200 && !Platform.json(read).get("status").asText().equals("PENDING")) {
                        settled.put(order.orderId(), Platform.json(read));
                    }
                }
            }
            assertThat(placed.size() - settled.size()).as("orders still PENDING").isZero();
        });
        REPORT.timing("every order settled", Duration.between(settleBegin, Instant.now()));
        Map<String, Long> byStatus = settled.values().stream()
                .collect(Collectors.groupingBy(order -> order.get("status").asText(), Collectors.counting()));
        byStatus.forEach((status, n) -> REPORT.count("orders " + status, n));
        assertThat(byStatus.keySet()).isSubsetOf(Set.of("CONFIRMED", "REJECTED"));

        // stock invariant: initial = available + reserved + sold (shipping commits the reservation)
        List<Placed> confirmed = placed.stream()
                .filter(order -> settled.get(order.orderId()).get("status").asText().equals("CONFIRMED")).toList();
        int reservedByOrders = confirmed.stream().mapToInt(Placed::quantity).sum();
        int sold = 0;
        for (Placed order : confirmed.subList(0, Math.min(5, confirmed.size()))) {
            assertThat(platform.call("POST", "/api/v1/orders/" + order.orderId() + "/ship", platform.admin(), null).statusCode())
                    .isEqualTo(200);
            sold += order.quantity();
        }
        JsonNode stock = platform.stock(product);
        REPORT.fact("stock initial / available / reserved / sold", INITIAL_STOCK + " / " + stock.get("available") + " / "
                + stock.get("reserved") + " / " + sold);
        assertThat(stock.get("available").asInt() + stock.get("reserved").asInt() + sold).isEqualTo(INITIAL_STOCK);
        assertThat(stock.get("reserved").asInt()).isEqualTo(reservedByOrders - sold);

        // every order's events reached each consumer exactly once
        Map<String, Long> ordersPerCustomer = placed.stream().collect(Collectors.groupingBy(Placed::customerId, Collectors.counting()));
        Instant deliveryBegin = Instant.now();
        await().atMost(2, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Platform.Customer customer : customers) {
                JsonNode me = Platform.json(platform.call("GET", "/api/v1/users/me", customer.token(), null));
                assertThat(me.get("ordersPlaced").asLong()).as("order.created of %s applied once each", customer.email())
                        .isEqualTo(ordersPerCustomer.getOrDefault(customer.id(), 0L));
            }
            JsonNode item = Platform.json(platform.call("GET", "/api/v2/products/" + product, platform.admin(), null,
                    Map.of("Cache-Control", "no-cache")));
            assertThat(item.get("unitsSold").asInt()).as("order.paid applied once each").isEqualTo(reservedByOrders);
            JsonNode summary = Platform.json(platform.call("GET", "/api/v1/analytics/summary?window=1h", platform.admin(), null));
            assertThat(summary.get("ordersCreated").asLong()).as("analytics order.created").isEqualTo(placed.size());
            assertThat(summary.get("ordersPaid").asLong()).as("analytics order.paid").isEqualTo(confirmed.size());
        });
        REPORT.timing("every event delivered", Duration.between(deliveryBegin, Instant.now()));
        HttpResponse<String> dlq = platform.call("GET", "/api/v1/admin/dlq", platform.admin(), null);
        REPORT.fact("dead-letter queues afterwards", Platform.json(dlq).get("items"));
    }

    private static void awaitProgress(List<Placed> placed, int more, String what) {
        int from = placed.size();
        await(what).atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> placed.size() >= from + more);
    }
}
