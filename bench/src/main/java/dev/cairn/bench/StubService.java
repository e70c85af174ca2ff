package dev.cairn.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The baseline upstream: a minimal HTTP server answering every request with a small JSON document (about the size of
 * one product) and {@code /health/ready} with 200, so that what is measured is the gateway, not a service.
 */
public final class StubService implements AutoCloseable {

    private static final byte[] BODY = ("{\"id\":\"7d3f6a1e-2b7c-4b8e-9a57-0c1f5e2d4a11\",\"name\":\"Espresso machine\","
            + "\"category\":\"kitchen\",\"price\":{\"amount\":\"249.00\",\"currency\":\"EUR\"},"
            + "\"rating\":{\"average\":4.6,\"count\":128},\"tags\":[\"coffee\",\"kitchen\"]}").getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    public StubService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, BODY.length);
                exchange.getResponseBody().write(BODY);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
