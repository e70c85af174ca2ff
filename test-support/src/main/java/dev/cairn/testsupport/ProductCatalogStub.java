package dev.cairn.testsupport;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for the product service's {@code GET /api/v2/products/{id}}, for testing services that read prices
 * (the order service). Products are registered by the test; the stub can be switched to answer 503 like a product
 * service that is down. One instance per test JVM ({@link #shared()}), on a free port.
 */
public final class ProductCatalogStub {

    private static final class Holder {
        private static final ProductCatalogStub INSTANCE = new ProductCatalogStub();
    }

    private final HttpServer server;
    private final Map<String, String> products = new ConcurrentHashMap<>();
    private volatile boolean down;

    private ProductCatalogStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the product catalog stub", e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v2/products/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/v2/products/".length());
            String body = products.get(id);
            int status = down ? 503 : body == null ? 404 : 200;
            if (body == null || down) {
                body = "{\"type\":\"https://cairn.dev/problems/" + (down ? "unavailable" : "not-found") + "\",\"status\":"
                        + status + "}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** The stub of this test JVM, started on first use. */
    public static ProductCatalogStub shared() {
        return Holder.INSTANCE;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers a product with a unique id and returns the id. */
    public String add(String name, String price, String currency) {
        String id = "stub-" + UUID.randomUUID();
        products.put(id, "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"price\":{\"amount\":\""
                + new BigDecimal(price).toPlainString() + "\",\"currency\":\"" + currency + "\"},\"version\":1}");
        return id;
    }

    /** Makes every request answer 503 (true) or normally again (false). */
    public void down(boolean down) {
        this.down = down;
    }
}
