package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.launcher.Project;
import dev.cairn.launcher.infra.Ports;
import dev.cairn.launcher.process.Readiness;
import dev.cairn.launcher.process.ServiceSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform started the way a user starts it, {@code ./cairn up --quiet --port-offset N}, with its own run
 * directory, bootstrap admin, analytics key prefix, route table file and OTLP collector, so several platforms (and a
 * developer's own {@code cairn up}) can run side by side on one machine and one set of datastores.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_PASSWORD = "a long system-test admin password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int portOffset;
    private final Path runDir;
    private final Path routesFile;
    private final String adminEmail;
    private final OtlpReceiver collector;
    private final Process cairnUp;
    private final List<Process> restarted = new CopyOnWriteArrayList<>();
    private final Duration startup;
    private final RabbitVhost vhost;
    private volatile String adminToken;
    private volatile Instant adminTokenAt = Instant.EPOCH;

    private Platform(String name, int portOffset, Path runDir, Path routesFile, String adminEmail,
                     OtlpReceiver collector, Process cairnUp, Duration startup, RabbitVhost vhost) {
        this.vhost = vhost;
        this.name = name;
        this.portOffset = portOffset;
        this.runDir = runDir;
        this.routesFile = routesFile;
        this.adminEmail = adminEmail;
        this.collector = collector;
        this.cairnUp = cairnUp;
        this.startup = startup;
    }

    /**
     * Starts {@code ./cairn up} on ports 8080-8084 + {@code portOffset} and waits until it says "Cairn is up".
     *
     * @param extraEnvironment on top of what every test platform gets (e.g. datastore URLs through a proxy)
     */
    static Platform start(String name, int portOffset, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        Instant begin = Instant.now();
        Path root = Project.root();
        Path runDir = root.resolve("system-tests/target/platforms").resolve(name);
        deleteRecursively(runDir);
        Files.createDirectories(runDir);
        for (ServiceSpec spec : ServiceSpec.PLATFORM) {
            int port = spec.port() + portOffset;
            if (Ports.isListening("127.0.0.1", port)) {
                throw new IllegalStateException("port " + port + " (" + spec.name() + " of platform " + name
                        + ") is in use: is a previous run still alive? ss -ltnp 'sport = :" + port + "'");
            }
        }
        // `cairn up` builds the whole project when a jar is missing; on a shared workstation another build may be
        // repackaging one right now, so wait for them rather than start a second build
        await().atMost(5, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1)).until(() ->
                ServiceSpec.PLATFORM.stream().allMatch(spec -> Files.isRegularFile(spec.jar(root))));
        Path routesFile = runDir.resolve("gateway-routes.yaml");
        Files.writeString(routesFile, RouteTable.standard(portOffset).yaml());
        OtlpReceiver collector = new OtlpReceiver();
        RabbitVhost vhost = extraEnvironment.containsKey("CAIRN_RABBITMQ_URL")
                ? RabbitVhost.given(extraEnvironment.get("CAIRN_RABBITMQ_URL"))
                : RabbitVhost.create("cairn-st-" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
        String adminEmail = "admin@" + name + ".system-tests.cairn.dev";
        ProcessBuilder builder = new ProcessBuilder(root.resolve("cairn").toString(), "up", "--quiet",
                "--port-offset", Integer.toString(portOffset))
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("cairn-up.out").toFile());
        Map<String, String> environment = builder.environment();
        List.of("CAIRN_MONGO_URI", "CAIRN_KAFKA_BOOTSTRAP").forEach(environment::remove);
        environment.put("CAIRN_RUN_DIR", runDir.toString());
        environment.put("CAIRN_ADMIN_EMAIL", adminEmail);
        environment.put("CAIRN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("CAIRN_ANALYTICS_KEY_PREFIX", "system-tests:" + name + ":" + UUID.randomUUID() + ":");
        environment.put("CAIRN_RABBITMQ_URL", vhost.url());
        environment.put("CAIRN_GATEWAY_ROUTES_FILE", routesFile.toString());
        environment.put("CAIRN_OTLP_ENDPOINT", collector.endpoint());
        environment.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        environment.putAll(extraEnvironment);
        Process process = builder.start();
        // a test JVM that is killed must not leave a platform behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }));
        Platform platform = new Platform(name, portOffset, runDir, routesFile, adminEmail, collector, process,
                Duration.ZERO, vhost);
        try {
            await().atMost(4, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(500))
                    .failFast("cairn up of " + name + " exited; see " + runDir.resolve("cairn-up.out"),
                            () -> !process.isAlive())
                    .until(() -> platform.output().contains("Cairn is up in"));
        } catch (RuntimeException | Error e) {
            platform.close();
            throw e;
        }
        Duration startup = Duration.between(begin, Instant.now());
        System.out.printf("[system-tests] platform %s up on gateway port %d in %.1f s%n", name, 8080 + portOffset,
                startup.toMillis() / 1000.0);
        return new Platform(name, portOffset, runDir, routesFile, adminEmail, collector, process, startup, vhost);
    }

    String name() {
        return name;
    }

    Duration startup() {
        return startup;
    }

    /** Base URL of the gateway, the only public entry point. */
    String gateway() {
        return "http://127.0.0.1:" + (8080 + portOffset);
    }

    /** Base URL of one process (for {@code /metrics} and health only; the API goes through the gateway). */
    String direct(String process) {
        return "http://127.0.0.1:" + port(process);
    }

    int port(String process) {
        return ServiceSpec.named(process).orElseThrow().port() + portOffset;
    }

    /** The AMQP URL of the platform's RabbitMQ (its own vhost when one could be made). */
    String rabbitmqUrl() {
        return vhost.url();
    }

    Path routesFile() {
        return routesFile;
    }

    int portOffset() {
        return portOffset;
    }

    OtlpReceiver collector() {
        return collector;
    }

    String adminEmail() {
        return adminEmail;
    }

    /** An admin access token (logged in again every few minutes; tokens live 15). */
    synchronized String admin() {
        if (adminToken == null || Instant.now().isAfter(adminTokenAt.plus(Duration.ofMinutes(5)))) {
            adminToken = login(adminEmail, ADMIN_PASSWORD);
            adminTokenAt = Instant.now();
        }
        return adminToken;
    }

    String login(String email, String password) {
        HttpResponse<String> response = call("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as("login of %s: %s", email, response.body()).isEqualTo(200);
        return json(response).get("accessToken").asText();
    }

    /** A new customer with a unique e-mail: its id and access token. */
    Customer newCustomer(String who) {
        String email = who + "-" + UUID.randomUUID().toString().substring(0, 12) + "@system-tests.cairn.dev";
        String password = "correct horse battery staple";
        HttpResponse<String> registered = call("POST", "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"" + who + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return new Customer(json(registered).get("id").asText(), email, login(email, password));
    }

    record Customer(String id, String email, String token) {
    }

    /** A new product (admin) with a unique SKU, whose inventory row exists (product.created reached orders). */
    String newProduct(String name, String price, String category) {
        String sku = "ST-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        HttpResponse<String> created = call("POST", "/api/v1/products", admin(),
                "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"description\":\"system test product " + name
                        + "\",\"category\":\"" + category + "\",\"tags\":[\"system-test\"],\"price\":" + price
                        + ",\"currency\":\"EUR\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).get("id").asText();
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250))
                .until(() -> call("GET", "/api/v1/inventory/" + id, null, null).statusCode() == 200);
        return id;
    }

    void setStock(String productId, int available) {
        HttpResponse<String> response = call("PUT", "/api/v1/inventory/" + productId, admin(),
                "{\"available\":" + available + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    JsonNode stock(String productId) {
        HttpResponse<String> response = call("GET", "/api/v1/inventory/" + productId, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static String orderBody(String productId, int quantity, String paymentToken) {
        return "{\"items\":[{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}],\"paymentToken\":\""
                + paymentToken + "\",\"shippingAddress\":{\"name\":\"Ada Lovelace\",\"line1\":\"1 Analytical Way\","
                + "\"postalCode\":\"10115\",\"city\":\"Berlin\",\"country\":\"DE\"}}";
    }

    /** Places an order (202 expected) and returns its id. */
    String placeOrder(String token, String productId, int quantity, String paymentToken) {
        HttpResponse<String> placed = call("POST", "/api/v1/orders", token, orderBody(productId, quantity, paymentToken),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        return json(placed).get("id").asText();
    }

    /** Waits until the order has left PENDING and returns it. */
    JsonNode awaitSettled(String token, String orderId) {
        JsonNode[] order = new JsonNode[1];
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            HttpResponse<String> response = call("GET", "/api/v1/orders/" + orderId, token, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            order[0] = json(response);
            assertThat(order[0].get("status").asText()).isNotEqualTo("PENDING");
        });
        return order[0];
    }

    /** Waits until the order has left PENDING and asserts it was confirmed (the failure names the reason). */
    JsonNode awaitConfirmed(String token, String orderId) {
        JsonNode order = awaitSettled(token, orderId);
        assertThat(order.get("status").asText()).as("order %s (platform logs: %s)", order, runDir.resolve("logs"))
                .isEqualTo("CONFIRMED");
        return order;
    }

    HttpResponse<String> call(String method, String path, String token, String body) {
        return call(method, path, token, body, Map.of());
    }

    HttpResponse<String> call(String method, String path, String token, String body, Map<String, String> headers) {
        try {
            return Http.send(gateway(), method, path, token, body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The Prometheus text of one process. */
    String metrics(String process) {
        try {
            HttpResponse<String> response = Http.send(direct(process), "GET", "/metrics", null, null);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of every sample of {@code family} whose labels contain all of {@code labels} (0 when none). */
    double metric(String process, String family, Map<String, String> labels) {
        return Metrics.sum(metrics(process), family, labels);
    }

    /** The datastore URLs `cairn up` resolved (passwords redacted), from its state file. */
    Map<String, String> datastores() throws IOException {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(runDir.resolve("run/state.properties"))) {
            state.load(in);
        }
        Map<String, String> urls = new LinkedHashMap<>();
        state.stringPropertyNames().stream().filter(key -> key.startsWith("datastore."))
                .forEach(key -> urls.put(key.substring("datastore.".length()), state.getProperty(key)));
        return urls;
    }

    /** The pid of one process `cairn up` started (or the one this platform restarted). */
    long pid(String process) throws IOException {
        for (Process own : restarted) {
            if (own.isAlive() && commandLine(own.pid()).contains(ServiceSpec.named(process).orElseThrow().artifact() + ".jar")) {
                return own.pid();
            }
        }
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(runDir.resolve("run/state.properties"))) {
            state.load(in);
        }
        return Long.parseLong(state.getProperty("process." + process + ".pid"));
    }

    /**
     * The environment a running process was started with, from {@code /proc} (Linux): a second instance or a restart
     * gets exactly the datastores, keys and settings `cairn up` gave the first.
     */
    static Map<String, String> environmentOf(long pid) throws IOException {
        String raw = Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.UTF_8);
        Map<String, String> environment = new LinkedHashMap<>();
        for (String entry : raw.split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return environment;
    }

    static List<String> commandLineOf(long pid) throws IOException {
        String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
        return new ArrayList<>(Arrays.asList(raw.split("\0")));
    }

    private static String commandLine(long pid) {
        try {
            return String.join(" ", commandLineOf(pid));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Starts the process again with the command line and environment it had (after a kill), on the same port, and
     * waits until it is ready. This platform stops it on {@link #close()}.
     */
    void restart(String process, List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(Project.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("logs").resolve(process + ".log").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        restarted.add(builder.start());
        awaitReady(process, Duration.ofMinutes(2));
    }

    void awaitReady(String process, Duration timeout) {
        Readiness readiness = new Readiness();
        await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> readiness.check("127.0.0.1", port(process)).state() == Readiness.State.UP);
    }

    /** A second instance of a service on a free port, with the environment `cairn up` gave the first one. */
    Process startSecondInstance(String process, int port) throws IOException {
        long pid = pid(process);
        List<String> command = commandLineOf(pid);
        Map<String, String> environment = environmentOf(pid);
        environment.put("SERVER_PORT", Integer.toString(port));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Project.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(runDir.resolve("logs").resolve(process + "-" + port + ".log").toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process second = builder.start();
        restarted.add(second);
        Readiness readiness = new Readiness();
        await().atMost(2, TimeUnit.MINUTES).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(second.isAlive()).as("second %s; see %s", process, runDir.resolve("logs")).isTrue();
            assertThat(readiness.check("127.0.0.1", port).state()).isEqualTo(Readiness.State.UP);
        });
        return second;
    }

    String output() throws IOException {
        Path out = runDir.resolve("cairn-up.out");
        return Files.exists(out) ? Files.readString(out) : "";
    }

    Path runDir() {
        return runDir;
    }

    /** SIGTERM to `cairn up` (it stops every process gracefully, as on Ctrl-C), then force what is left. */
    @Override
    public void close() {
        for (Process own : restarted) {
            own.destroy();
        }
        try {
            if (cairnUp.isAlive()) {
                new ProcessBuilder("kill", "-TERM", Long.toString(cairnUp.pid())).start().waitFor(10, TimeUnit.SECONDS);
                if (!cairnUp.waitFor(60, TimeUnit.SECONDS)) {
                    cairnUp.descendants().forEach(ProcessHandle::destroyForcibly);
                    cairnUp.destroyForcibly();
                }
            }
            for (Process own : restarted) {
                if (!own.waitFor(30, TimeUnit.SECONDS)) {
                    own.destroyForcibly();
                }
            }
        } catch (IOException e) {
            cairnUp.descendants().forEach(ProcessHandle::destroyForcibly);
            cairnUp.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            collector.close();
            vhost.close();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
