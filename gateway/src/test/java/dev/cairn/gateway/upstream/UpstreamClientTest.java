package dev.cairn.gateway.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class UpstreamClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final AtomicReference<HttpExchange> lastExchange = new AtomicReference<>();
    private final AtomicReference<Map<String, List<String>>> lastHeaders = new AtomicReference<>();
    private final AtomicBoolean streamReaderGone = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private HttpServer server;
    private UpstreamClient client;
    private URI instance;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        instance = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = new UpstreamClient(Duration.ofMillis(300), 1);
    }

    @AfterEach
    void stop() {
        held.countDown();
        client.close();
        server.stop(0);
    }

    @Test
    void repeatableRequestsShareOneKeptAliveConnection() throws IOException {
        for (int i = 0; i < 3; i++) {
            try (UpstreamResponse response = client.send("GET", instance, "/echo", List.of(), new byte[0], TIMEOUT, true)) {
                assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("GET /echo");
                response.release();
            }
        }
        assertThat(clientPorts).hasSize(1);
        assertThat(client.keptAliveConnections().getAvailable()).isEqualTo(1);
    }

    @Test
    void aRequestThatMayNotBeRepeatedGoesOnAConnectionOfItsOwn() throws IOException {
        try (UpstreamResponse warm = client.send("GET", instance, "/echo", List.of(), new byte[0], TIMEOUT, true)) {
            warm.release();
        }
        for (int i = 0; i < 2; i++) {
            try (UpstreamResponse posted = client.send("POST", instance, "/echo", List.of(Map.entry("Content-Type", "text/plain")),
                    "hello".getBytes(StandardCharsets.UTF_8), TIMEOUT, false)) {
                assertThat(new String(posted.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("POST /echo hello");
                posted.release();
            }
            assertThat(lastHeaders.get()).containsEntry("Connection", List.of("close"))
                    .containsEntry("Content-length", List.of("5"));
        }
        assertThat(clientPorts).as("one kept-alive connection for the GET, one new one per POST").hasSize(3);
    }

    @Test
    void nothingIsAddedToTheRequestAndTheTargetPassesAsItWasEncoded() throws IOException {
        URI withBasePath = URI.create(instance + "/base/");
        try (UpstreamResponse response = client.send("GET", withBasePath, "/a%2Fb?q=%20x&r=1", List.of(
                Map.entry("Accept", "application/json"), Map.entry("Cookie", "a=1"), Map.entry("Cookie", "b=2")),
                new byte[0], TIMEOUT, true)) {
            response.release();
        }
        assertThat(lastExchange.get().getRequestURI().getRawPath()).isEqualTo("/base/a%2Fb");
        assertThat(lastExchange.get().getRequestURI().getRawQuery()).isEqualTo("q=%20x&r=1");
        assertThat(lastHeaders.get()).containsKeys("Host", "Accept").doesNotContainKeys("User-agent", "Accept-encoding",
                "Expect");
        assertThat(lastHeaders.get()).as("this hop's own connection header").containsEntry("Connection", List.of("keep-alive"));
        assertThat(lastHeaders.get().get("Cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void closingAStreamBeforeItsEndClosesTheConnectionInsteadOfReadingOn() throws IOException {
        UpstreamResponse stream = client.send("GET", instance, "/stream", List.of(), new byte[0], TIMEOUT, true);
        byte[] first = new byte["data: 0\n\n".length()];
        assertThat(stream.body().readNBytes(first, 0, first.length)).isEqualTo(first.length);
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo("data: 0\n\n");

        assertTimeoutPreemptively(Duration.ofSeconds(5), stream::close, "an endless stream must not be drained");

        await().atMost(Duration.ofSeconds(10)).untilTrue(streamReaderGone);
        assertThat(client.keptAliveConnections().getLeased()).isZero();
        assertThat(client.keptAliveConnections().getAvailable()).as("the connection is not kept").isZero();
    }

    @Test
    void anUpstreamSilentBeyondTheTimeoutIsASocketTimeout() {
        assertThatThrownBy(() -> client.send("GET", instance, "/hold", List.of(), new byte[0], Duration.ofMillis(200), true))
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aBodyThatStallsLongerThanTheTimeoutFailsWithASocketTimeout() throws IOException {
        try (UpstreamResponse response = client.send("GET", instance, "/stall", List.of(), new byte[0],
                Duration.ofMillis(300), true)) {
            assertThat(response.body().readNBytes(10)).hasSize(10);
            long started = System.nanoTime();
            assertThatThrownBy(() -> response.body().read()).isInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
        }
    }

    @Test
    void aStreamIsNotCutWhileItsEventsComeMoreOftenThanTheTimeout() throws IOException {
        try (UpstreamResponse stream = client.send("GET", instance, "/stream", List.of(), new byte[0],
                Duration.ofMillis(200), true)) {
            long started = System.nanoTime();
            byte[] events = stream.body().readNBytes(40 * "data: 0\n\n".length());
            assertThat(new String(events, StandardCharsets.UTF_8)).startsWith("data: 0\n\ndata: 1\n\n");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("longer than the timeout in all")
                    .isGreaterThan(Duration.ofMillis(400));
        }
    }

    @Test
    void everyConnectionInUseIsAFailureOfItsOwnAfterTheConnectTimeout() throws IOException {
        try (UpstreamResponse stream = client.send("GET", instance, "/stream", List.of(), new byte[0], TIMEOUT, true)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThatThrownBy(() -> client.send("GET", instance, "/echo", List.of(), new byte[0], TIMEOUT, true))
                    .isInstanceOf(ConnectionRequestTimeoutException.class);
        }
    }

    @Test
    void aRefusedConnectionIsAConnectException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client.send("GET", URI.create("http://127.0.0.1:" + closedPort), "/", List.of(),
                new byte[0], TIMEOUT, true)).isInstanceOf(ConnectException.class);
    }

    @Test
    void refusesAPoolWithoutConnections() {
        assertThatThrownBy(() -> new UpstreamClient(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            lastExchange.set(exchange);
            lastHeaders.set(Map.copyOf(exchange.getRequestHeaders()));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (exchange.getRequestURI().getRawPath()) {
                case "/stream" -> stream(exchange);
                case "/stall" -> {
                    exchange.sendResponseHeaders(200, 100);
                    exchange.getResponseBody().write(new byte[10]);
                    exchange.getResponseBody().flush();
                    hold();
                }
                case "/hold" -> {
                    hold();
                    send(exchange, "held");
                }
                default -> send(exchange, exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + (body.isEmpty() ? "" : " " + body));
            }
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (int event = 0; ; event++) {
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (IOException e) {
            streamReaderGone.set(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void hold() {
        try {
            held.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
