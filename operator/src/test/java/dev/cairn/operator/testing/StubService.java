package dev.cairn.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for one pod of a Cairn service: counts the requests it answers and exposes them at /metrics the way
 * the services do ({@code cairn_http_server_requests_total} and {@code cairn_http_server_request_seconds_sum}).
 */
public final class StubService implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong requests = new AtomicLong();

    public StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(executor);
        server.createContext("/metrics", exchange -> send(exchange, """
                # TYPE cairn_http_server_requests_total counter
                cairn_http_server_requests_total{method="GET",route="/api/v1/products",status="200"} %d
                # TYPE cairn_http_server_request_seconds histogram
                cairn_http_server_request_seconds_sum{method="GET",route="/api/v1/products"} %s
                """.formatted(requests.get(), requests.get() * 0.01)));
        server.createContext("/health", exchange -> send(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            send(exchange, "{}");
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public long requests() {
        return requests.get();
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
