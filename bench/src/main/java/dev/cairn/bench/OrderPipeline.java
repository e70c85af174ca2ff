package dev.cairn.bench;

import dev.cairn.testsupport.TestInfrastructure;
import dev.cairn.testsupport.TestTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders accepted per second and the time from {@code POST /api/v1/orders} to CONFIRMED at increasing concurrency,
 * with the CPU each process used, against a real order-service and product-service.
 */
@Command(name = "orders", mixinStandardHelpOptions = true,
        description = "Order pipeline: orders accepted/s and POST→CONFIRMED latency at increasing load.")
public final class OrderPipeline extends Benchmark {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final int USERS = 16;
    /** How long a round waits for its orders to reach a final status before the next round starts. */
    private static final Duration DRAIN = Duration.ofSeconds(25);


    @Option(names = "--steps", split = ",", description = "Concurrent clients per step (default: ${DEFAULT-VALUE}).")
    List<Integer> steps = new ArrayList<>(List.of(2, 8, 32));

    @Option(names = "--rounds", description = "Rounds per step (default: ${DEFAULT-VALUE}).")
    int rounds = 3;

    @Option(names = "--seconds", description = "Seconds of load per round (default: ${DEFAULT-VALUE}).")
    int seconds = 5;

    @Option(names = "--saga-parallelism", description = "Sagas run at once per order-service instance "
            + "(cairn.orders.saga.parallelism; default: the service's own, 4).")
    Integer sagaParallelism;


    /** One round's figures. */
    record Round(double acceptedPerSecond, double confirmedPerSecond, double postP50, double confirmedP50,
                 double confirmedP99, long unconfirmed, Map<String, Double> coresUsed) {
    }

    @Override
    public Section measure(boolean quick) throws Exception {
        List<Integer> levels = quick ? List.of(2, 16) : steps;
        int n = quick ? 1 : rounds;
        Duration load = Duration.ofSeconds(quick ? 3 : seconds);
        TestTokens tokens = TestTokens.withNewKey();
        Path jwks = Files.createTempFile("bench-jwks-", ".json");
        Files.writeString(jwks, tokens.jwks());
        Map<String, String> productEnvironment = BenchInfrastructure.environment("product-service", true, true);
        productEnvironment.put("CAIRN_AUTH_JWKS_URL", jwks.toString());
        productEnvironment.put("CAIRN_PRODUCTS_SEED", "true");
        Map<String, String> orderEnvironment = BenchInfrastructure.environment("order-service", false, true);
        orderEnvironment.put("CAIRN_AUTH_JWKS_URL", jwks.toString());
        if (sagaParallelism != null) {
            orderEnvironment.put("CAIRN_ORDERS_SAGA_PARALLELISM", sagaParallelism.toString());
        }
        List<String> jvm = List.of("-XX:+UseParallelGC", "-Xmx512m");
        Map<String, Round> last = new LinkedHashMap<>();
        Map<Integer, List<Round>> results = new LinkedHashMap<>();
        System.out.println("orders: starting product-service and order-service ...");
        try (BenchProcess product = BenchProcess.start("product-service", productEnvironment, jvm, Duration.ofSeconds(120))) {
            orderEnvironment.put("CAIRN_PRODUCTS_URL", product.baseUrl());
            try (BenchProcess orders = BenchProcess.start("order-service", orderEnvironment, jvm, Duration.ofSeconds(120));
                 HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                         .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
                 Confirmations confirmations = new Confirmations(TestInfrastructure.redisUrl())) {
                String admin = tokens.token("bench-admin", "admin@example.com", Duration.ofHours(2), TestTokens.ISSUER,
                        "cairn", List.of("admin"));
                String productId = firstProductId(http, product.baseUrl());
                stock(http, orders.baseUrl(), productId, admin);
                List<String> customers = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    customers.add(tokens.token(UUID.randomUUID().toString(), "customer" + i + "@example.com",
                            Duration.ofHours(2), TestTokens.ISSUER, "cairn", List.of("customer")));
                }
                Map<String, Long> pids = new LinkedHashMap<>();
                pids.put("order-service", orders.pid());
                pids.put("product-service", product.pid());
                pids.put("bench JVM (load, Kafka, MongoDB)", ProcessHandle.current().pid());
                runRound(http, orders.baseUrl(), productId, customers, 4, Duration.ofSeconds(quick ? 2 : 5),
                        confirmations, pids);
                for (int level : levels) {
                    for (int round = 1; round <= n; round++) {
                        Round result = runRound(http, orders.baseUrl(), productId, customers, level, load,
                                confirmations, pids);
                        results.computeIfAbsent(level, key -> new ArrayList<>()).add(result);
                        System.out.printf(Locale.ROOT, "orders: %d clients round %d: %.0f accepted/s, %.0f confirmed/s, POST→CONFIRMED "
                                        + "p50 %.0f ms p99 %.0f ms, unconfirmed %d, cores %s%n", level, round,
                                result.acceptedPerSecond(), result.confirmedPerSecond(), result.confirmedP50(), result.confirmedP99(),
                                result.unconfirmed(), result.coresUsed());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(jwks);
        }
        return section(quick, n, load, results);
    }

    private Round runRound(HttpClient http, String baseUrl, String productId, List<String> customers, int clients,
                           Duration load, Confirmations confirmations, Map<String, Long> pids) throws Exception {
        Map<String, Long> placed = new ConcurrentHashMap<>();
        List<Long> postLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        Map<String, Double> cpuBefore = cpu(pids);
        long started = System.nanoTime();
        long end = started + load.toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < clients; client++) {
                String token = customers.get(client % customers.size());
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                            URI.create(baseUrl + "/api/v1/orders"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.ofString(orderBody(productId))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() != 202) {
                                errors.incrementAndGet();
                                continue;
                            }
                            String location = response.headers().firstValue("Location").orElseThrow();
                            placed.put(location.substring(location.lastIndexOf('/') + 1), sent);
                            postLatencies.add((System.nanoTime() - sent) / 1000);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuAfter = cpu(pids);
        Map<String, Double> cores = new LinkedHashMap<>();
        cpuAfter.forEach((name, seconds) -> cores.put(name, Math.max(0, seconds - cpuBefore.get(name)) / elapsed));
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (!confirmations.settled(placed.keySet()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        List<Long> toConfirmed = new ArrayList<>();
        long unconfirmed = 0;
        long lastConfirmed = started;
        for (var order : placed.entrySet()) {
            Long confirmed = confirmations.confirmedAt(order.getKey());
            if (confirmed == null) {
                unconfirmed++;
            } else {
                toConfirmed.add((confirmed - order.getValue()) / 1000);
                lastConfirmed = Math.max(lastConfirmed, confirmed);
            }
        }
        double confirmedPerSecond = toConfirmed.isEmpty() ? 0
                : toConfirmed.size() / Math.max(elapsed, (lastConfirmed - started) / 1e9);
        long[] confirmedSamples = toConfirmed.stream().mapToLong(Long::longValue).toArray();
        long[] postSamples = postLatencies.stream().mapToLong(Long::longValue).toArray();
        return new Round(placed.size() / elapsed, confirmedPerSecond, Percentiles.of(postSamples, 50) / 1000,
                Percentiles.of(confirmedSamples, 50) / 1000, Percentiles.of(confirmedSamples, 99) / 1000,
                unconfirmed + errors.get(), cores);
    }

    private static Map<String, Double> cpu(Map<String, Long> pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, ProcStats.cpuSeconds(pid)));
        cpu.put("PostgreSQL", ProcStats.cpuSecondsOfAll("postgres"));
        cpu.put("RabbitMQ", ProcStats.cpuSecondsOfAll("beam.smp"));
        cpu.put("Redis", ProcStats.cpuSecondsOfAll("redis-server"));
        return cpu;
    }

    private Section section(boolean quick, int n, Duration load, Map<Integer, List<Round>> results) {
        Section.Table table = new Section.Table("clients", "accepted/s (202), median (min–max)", "× 1st step",
                "confirmed/s",
                "POST p50 ms", "POST→CONFIRMED p50 ms", "POST→CONFIRMED p99 ms", "not confirmed",
                "busiest processes, cores used (median)");
        Summary first = null;
        int best = -1;
        double bestRate = 0;
        String busiestAtBest = "";
        double confirmedAtBest = 0;
        double coresAtBest = 0;
        for (var step : results.entrySet()) {
            List<Round> rounds = step.getValue();
            Summary accepted = Summary.of(rounds.stream().map(Round::acceptedPerSecond).toList());
            if (first == null) {
                first = accepted;
            }
            Map<String, Double> cores = new LinkedHashMap<>();
            rounds.getFirst().coresUsed().keySet().forEach(name -> cores.put(name,
                    Summary.of(rounds.stream().map(r -> r.coresUsed().get(name)).toList()).median()));
            String busiest = cores.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .limit(3).map(e -> e.getKey() + " " + Summary.number(e.getValue(), 2))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            table.row(Integer.toString(step.getKey()), accepted.format(0), Summary.number(accepted.ratioTo(first), 2),
                    Summary.of(rounds.stream().map(Round::confirmedPerSecond).toList()).format(0),
                    Summary.of(rounds.stream().map(Round::postP50).toList()).format(1),
                    Summary.of(rounds.stream().map(Round::confirmedP50).toList()).format(0),
                    Summary.of(rounds.stream().map(Round::confirmedP99).toList()).format(0),
                    Long.toString(rounds.stream().mapToLong(Round::unconfirmed).sum()), busiest);
            if (accepted.median() > bestRate) {
                bestRate = accepted.median();
                best = step.getKey();
                busiestAtBest = busiest;
                confirmedAtBest = Summary.of(rounds.stream().map(Round::confirmedPerSecond).toList()).median();
                coresAtBest = cores.values().stream().mapToDouble(Double::doubleValue).sum();
            }
        }
        return new Section("Order pipeline: orders accepted/s and POST → CONFIRMED")
                .command("./cairn bench orders" + (quick ? " --quick" : "")
                        + (sagaParallelism == null ? "" : " --saga-parallelism " + sagaParallelism))
                .text("A real order-service and product-service (PostgreSQL, Redis, RabbitMQ, Kafka; the demo catalog "
                        + "seeded, one product's stock set to 10 million). Each step runs that many closed-loop clients "
                        + "(16 customers' tokens) for " + load.toSeconds() + " s, each sending `POST /api/v1/orders` "
                        + "(one line, `tok_ok`, a fresh `Idempotency-Key`) after the previous answer; " + n
                        + " round(s) per step. CONFIRMED is seen on the Redis channel `cairn.orders.<id>` the service "
                        + "publishes every status change on (what the SSE stream relays), so watching costs the "
                        + "service nothing; the time counts from sending the POST. Cores used = CPU seconds (utime + "
                        + "stime from `/proc/<pid>/stat`) during the load ÷ wall time; PostgreSQL, RabbitMQ and Redis "
                        + "are the machine's shared servers, so other work on them counts too. Confirmed/s = orders "
                        + "of the round that reached CONFIRMED ÷ time from the round's start to the last of them "
                        + "(at least the load time); a round waits up to " + DRAIN.toSeconds() + " s for its orders to "
                        + "settle, and those still open then count as not confirmed.")
                .table(table)
                .text(best < 0 ? "" : "Acceptance peaked at " + best + " clients (" + Summary.number(bestRate, 0)
                        + " accepted/s, " + Summary.number(confirmedAtBest, 0) + " confirmed/s); there the busiest "
                        + "processes were " + busiestAtBest + " cores, and all measured processes together used "
                        + Summary.number(coresAtBest, 2) + " of the machine's " + Runtime.getRuntime().availableProcessors()
                        + " cores. Confirmed/s well below accepted/s means the sagas (at most "
                        + "`cairn.orders.saga.parallelism` = 4 at once per instance) fall behind before the API does; "
                        + "cores used near the core count means the CPU itself is what ran out.");
    }

    private static String orderBody(String productId) {
        return "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":1}],\"paymentToken\":\"tok_ok\","
                + "\"shippingAddress\":{\"name\":\"Ada Lovelace\",\"line1\":\"1 Analytical Way\",\"postalCode\":\"10115\","
                + "\"city\":\"Berlin\",\"country\":\"DE\"}}";
    }

    private static String firstProductId(HttpClient http, String baseUrl) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/products?limit=1")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no product in the seeded catalog: " + body);
        }
        return matcher.group(1);
    }

    /** Waits until product.created reached the order service, then sets the product's stock. */
    private static void stock(HttpClient http, String baseUrl, String productId, String admin) throws Exception {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/inventory/" + productId)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() != 200 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/v1/inventory/" + productId))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"available\":10000000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("setting the stock answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Final statuses of orders as published on Redis {@code cairn.orders.*}, with when they arrived. */
    static final class Confirmations implements AutoCloseable {

        private final Map<String, Long> confirmed = new ConcurrentHashMap<>();
        private final Map<String, Long> rejected = new ConcurrentHashMap<>();
        private final JedisPubSub subscriber;
        private final Thread thread;

        Confirmations(String redisUrl) throws InterruptedException {
            URI uri = URI.create(redisUrl);
            CountDownLatch subscribed = new CountDownLatch(1);
            subscriber = new JedisPubSub() {
                @Override
                public void onPSubscribe(String pattern, int subscribedChannels) {
                    subscribed.countDown();
                }

                @Override
                public void onPMessage(String pattern, String channel, String message) {
                    long now = System.nanoTime();
                    Matcher status = STATUS.matcher(message);
                    if (status.find()) {
                        String orderId = channel.substring("cairn.orders.".length());
                        switch (status.group(1)) {
                            case "CONFIRMED" -> confirmed.putIfAbsent(orderId, now);
                            case "REJECTED", "CANCELLED" -> rejected.putIfAbsent(orderId, now);
                            default -> { }
                        }
                    }
                }
            };
            thread = Thread.ofPlatform().daemon().name("bench-order-updates").start(() -> {
                try (Jedis jedis = new Jedis(uri.getHost(), uri.getPort())) {
                    jedis.psubscribe(subscriber, "cairn.orders.*");
                } catch (RuntimeException e) {
                    subscribed.countDown();
                }
            });
            if (!subscribed.await(10, TimeUnit.SECONDS) || !subscriber.isSubscribed()) {
                throw new IllegalStateException("could not subscribe to Redis " + redisUrl);
            }
        }

        Long confirmedAt(String orderId) {
            return confirmed.get(orderId);
        }

        boolean settled(java.util.Set<String> orderIds) {
            for (String id : orderIds) {
                if (!confirmed.containsKey(id) && !rejected.containsKey(id)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() throws InterruptedException {
            subscriber.punsubscribe();
            thread.join(5_000);
        }
    }
}
