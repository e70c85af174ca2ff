package dev.cairn.bench;

import dev.cairn.testsupport.TestInfrastructure;
import dev.cairn.testsupport.TestTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Events per second through the whole backbone: user-service's transactional outbox → its relay (RabbitMQ with
 * publisher confirms, and Kafka) → RabbitMQ → order-service's notification consumer (per-aggregate sequencing,
 * idempotency record, its own row) — measured by draining a backlog the relay had not yet sent.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Event backbone: events/s from outbox commit to consumer applied (user.created).")
public final class EventBackbone extends Benchmark {


    @Option(names = "--events", description = "Events per round (default: ${DEFAULT-VALUE}).")
    int events = 1000;

    @Option(names = "--rounds", description = "Rounds (default: ${DEFAULT-VALUE}).")
    int rounds = 3;


    @Override
    public Section measure(boolean quick) throws Exception {
        int n = quick ? 1 : rounds;
        int count = quick ? Math.min(events, 200) : events;
        Path jwks = Files.createTempFile("bench-jwks-", ".json");
        Files.writeString(jwks, TestTokens.withNewKey().jwks());
        Map<String, String> environment = BenchInfrastructure.environment("user-service", false, true);
        environment.put("CAIRN_AUTH_JWKS_URL", jwks.toString());
        Map<String, String> consumerEnvironment = BenchInfrastructure.environment("order-service", false, true);
        consumerEnvironment.put("CAIRN_AUTH_JWKS_URL", jwks.toString());
        // Filling the outbox is not what is measured: cheap password hashing makes registering fast.
        environment.put("CAIRN_AUTH_ARGON2_MEMORY_KIB", "1024");
        environment.put("CAIRN_AUTH_ARGON2_ITERATIONS", "1");
        List<String> jvm = List.of("-XX:+UseParallelGC", "-Xmx512m");
        Map<String, String> relayOff = new LinkedHashMap<>(environment);
        relayOff.put("CAIRN_RELAY_ENABLED", "false");
        List<Double> rates = new ArrayList<>();
        List<Double> drains = new ArrayList<>();
        List<Double> firsts = new ArrayList<>();
        List<Double> afterReady = new ArrayList<>();
        System.out.println("events: starting order-service (the consumer) ...");
        System.out.println("events: starting user-service with its relay off (fills the outbox) ...");
        try (BenchProcess consumer = BenchProcess.start("order-service", consumerEnvironment, jvm, Duration.ofSeconds(120));
             BenchProcess registrar = BenchProcess.start("user-service", relayOff, jvm, Duration.ofSeconds(120));
             Connection orders = connect(); Connection ordersAtReady = connect();
             HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            for (int round = 1; round <= n; round++) {
                register(http, registrar.baseUrl(), count);
                Thread.sleep(Duration.ofSeconds(2)); // the registrar's JIT settles before the measured part
                long before = applied(orders);
                long[] first = new long[1];
                long[] done = new long[1];
                long spawned = System.nanoTime();
                Thread watcher = Thread.ofVirtual().start(() -> watch(orders, before, count, spawned, first, done));
                try (BenchProcess users = BenchProcess.start("user-service", environment, jvm, Duration.ofSeconds(120))) {
                    long readyAt = System.nanoTime();
                    long appliedAtReady = applied(ordersAtReady) - before;
                    watcher.join();
                    if (done[0] == 0) {
                        throw new IllegalStateException("not all " + count + " user.created were applied within 180 s");
                    }
                    double rate = (count - 1) / ((done[0] - first[0]) / 1e9);
                    rates.add(rate);
                    if (appliedAtReady < count - 1) {
                        afterReady.add((count - appliedAtReady) / ((done[0] - readyAt) / 1e9));
                    }
                    drains.add((done[0] - spawned) / 1e9);
                    firsts.add((first[0] - spawned) / 1e9 - users.timeToReady().toNanos() / 1e9);
                    System.out.printf(Locale.ROOT, "events: round %d: %d events applied at %.0f/s (first %.2f s, all "
                            + "%.2f s after spawning the relay's JVM, which was ready after %.2f s)%n", round, count,
                            rate, (first[0] - spawned) / 1e9, (done[0] - spawned) / 1e9,
                            users.timeToReady().toNanos() / 1e9);
                }
            }
        } finally {
            Files.deleteIfExists(jwks);
        }
        Summary rate = Summary.of(rates);
        Section.Table table = new Section.Table("events per round", "events/s applied, median (min–max)",
                "events/s applied once user-service was ready", "first event applied, s after user-service ready "
                + "(negative: before)", "spawn → all applied, s");
        table.row(Integer.toString(count), rate.format(0), Summary.of(afterReady).format(0), Summary.of(firsts).format(2),
                Summary.of(drains).format(2));
        return new Section("Event backbone: outbox → RabbitMQ → consumer")
                .command("./cairn bench events" + (quick ? " --quick" : ""))
                .text("`user.created` events from user-service to order-service's notification consumer, the real "
                        + "path end to end: the event row committed in user-service's outbox with the user, the relay "
                        + "publishing it to RabbitMQ with publisher confirms (and to Kafka, also awaited) before marking "
                        + "it sent, the topic exchange routing it to `order-service.notifications`, and the consumer "
                        + "applying it (per-aggregate sequence check, idempotency record and recipient row in one "
                        + "transaction, then acknowledging). Each round registers " + count + " users through a "
                        + "user-service instance with the relay switched off (`CAIRN_RELAY_ENABLED=false`, so they wait "
                        + "in the outbox; it stays up, idle, for all rounds), starts a second instance with the relay "
                        + "on, and polls order-service's `notification_recipients` every 5 ms: "
                        + "events/s = (events − 1) ÷ (time of the last − time of the first applied). The relay starts "
                        + "with the service, before it reports ready, so part of the backlog drains while the JVM is "
                        + "still starting (cold JIT, CPU shared with startup); the next column counts only what was "
                        + "applied after ready, over the time from ready to the last event. " + n
                        + " round(s). (Registration runs with cheap Argon2 settings; it only fills the outbox and is not "
                        + "timed.)")
                .table(table);
    }

    private static Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(TestInfrastructure.postgresUrl()
                + BenchInfrastructure.database("order-service"), TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
    }

    /** Polls every 5 ms until {@code count} rows were added; records when the first and the last appeared. */
    private static void watch(Connection orders, long before, int count, long spawned, long[] first, long[] done) {
        long deadline = spawned + Duration.ofSeconds(180).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                long now = System.nanoTime();
                long seen = applied(orders) - before;
                if (seen > 0 && first[0] == 0) {
                    first[0] = now;
                }
                if (seen >= count) {
                    done[0] = now;
                    return;
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        } catch (Exception e) {
            System.out.println("events: polling failed: " + e.getMessage());
        }
    }

    private static long applied(Connection orders) throws Exception {
        try (Statement statement = orders.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM notification_recipients")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void register(HttpClient http, String baseUrl, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < 8; client++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < count) {
                        String email = "bench-" + UUID.randomUUID() + "@example.com";
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                        URI.create(baseUrl + "/api/v1/auth/register"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                                        + "\",\"password\":\"Granite-Harbor-Lantern-42\",\"name\":\"Bench User\"}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            failed.incrementAndGet();
                            throw new IllegalStateException("register answered " + response.statusCode() + ": "
                                    + response.body());
                        }
                    }
                    return null;
                });
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " registrations failed");
        }
    }
}
