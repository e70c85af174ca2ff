package dev.cairn.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in upstream service on a local port: {@code /health/ready} answers 200 (or 503 when made unhealthy); any
 * other path answers JSON naming this instance and echoing what it received, or 500 while failing. Paths ending in
 * {@code /sse} and {@code /big} stream an event stream or 5 MB, pausing half-way until {@link #release()}; {@code /hold}
 * waits for {@link #release()}. It counts the requests it served and can be stopped and started on its port again.
 */
final class StubUpstream {

    static final int BIG = 5 * 1024 * 1024;

    private final String name;
    private final int port;
    private final AtomicInteger served = new AtomicInteger();
    private volatile HttpServer server;
    private volatile boolean healthy = true;
    private volatile boolean failing;
    private volatile CountDownLatch gate = new CountDownLatch(1);

    StubUpstream(String name) {
        this(name, 0);
    }

    private StubUpstream(String name, int port) {
        this.name = name;
        this.server = start(port);
        this.port = server.getAddress().getPort();
    }

    String name() {
        return name;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int served() {
        return served.get();
    }

    void resetCount() {
        served.set(0);
    }

    void healthy(boolean value) {
        healthy = value;
    }

    void failing(boolean value) {
        failing = value;
    }

    /** Lets paused streams and held requests go on; the next ones pause again. */
    void release() {
        CountDownLatch released = gate;
        gate = new CountDownLatch(1);
        released.countDown();
    }

    /** Kills it: the port refuses connections. */
    void stop() {
        server.stop(0);
    }

    /** Starts it again on the same port. */
    void restart() {
        server = start(port);
    }

    private HttpServer start(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 100);
            created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            created.createContext("/", this::handle);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start stub " + name, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/health/ready")) {
                send(exchange, healthy ? 200 : 503, "{\"status\":\"" + (healthy ? "UP" : "DOWN") + "\"}");
                return;
            }
            served.incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (failing) {
                send(exchange, 500, "{\"error\":\"failing on purpose\"}");
            } else if (path.endsWith("/sse")) {
                sse(exchange);
            } else if (path.endsWith("/big")) {
                big(exchange);
            } else if (path.startsWith("/catalog")) {
                exchange.getResponseHeaders().set("Cache-Control", path.endsWith("/private") ? "private, max-age=60"
                        : "public, max-age=60");
                send(exchange, 200, "{\"instance\":\"" + name + "\",\"served\":" + served.get() + "}");
            } else if (path.endsWith("/hold")) {
                await();
                send(exchange, 200, "{\"instance\":\"" + name + "\"}");
            } else {
                StringBuilder headers = new StringBuilder();
                exchange.getRequestHeaders().forEach((key, values) -> headers.append(headers.isEmpty() ? "" : ",")
                        .append('"').append(key.toLowerCase()).append("\":\"")
                        .append(String.join(",", values).replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
                String query = exchange.getRequestURI().getRawQuery();
                send(exchange, 200, "{\"instance\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                        + "\",\"path\":\"" + path + "\",\"query\":\"" + (query == null ? "" : query)
                        + "\",\"bodyLength\":" + body.length + ",\"headers\":{" + headers + "}}");
            }
        }
    }

    private void sse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        await();
        out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void big(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, BIG);
        OutputStream out = exchange.getResponseBody();
        byte[] chunk = new byte[64 * 1024];
        for (int written = 0; written < BIG; written += chunk.length) {
            if (written == BIG / 2) {
                out.flush();
                await();
            }
            out.write(chunk);
        }
    }

    private void await() {
        try {
            gate.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Server", "stub/1.0");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
