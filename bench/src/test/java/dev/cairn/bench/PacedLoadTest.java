package dev.cairn.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacedLoadTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/ok", exchange -> {
            requests.incrementAndGet();
            assertThat(exchange.getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer t");
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void sendsRateTimesDurationRequestsWithTheHeadersAndTimesEachOne() throws Exception {
        try (PacedLoad load = new PacedLoad(8)) {
            PacedLoad.Result result = load.run(url("/ok"), 200, Duration.ofMillis(500), Map.of("Authorization", "Bearer t"));
            assertThat(requests.get()).isEqualTo(100);
            assertThat(result.latencies()).hasSize(100);
            assertThat(result.errors()).isZero();
            assertThat(result.offeredRate()).isEqualTo(200);
            assertThat(result.percentileMillis(50)).isPositive().isLessThanOrEqualTo(result.percentileMillis(99));
        }
    }

    @Test
    void keepsAtMostItsConnectionsInFlightAndCountsTheWaitInTheLatency() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        slow.createContext("/slow", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                TimeUnit.MILLISECONDS.sleep(50); // the slow target's service time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        ExecutorService handlers = Executors.newCachedThreadPool();
        slow.setExecutor(handlers);
        slow.start();
        try (PacedLoad load = new PacedLoad(2)) {
            // 40 requests due within 200 ms, two at a time for 50 ms each: the last is answered about 1 s after start
            PacedLoad.Result result = load.run(URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/slow"),
                    200, Duration.ofMillis(200), Map.of());
            assertThat(result.latencies()).hasSize(40);
            assertThat(mostInFlight.get()).isEqualTo(2);
            assertThat(result.percentileMillis(99)).as("waiting for a free connection counts").isGreaterThan(500);
        } finally {
            slow.stop(0);
            handlers.shutdownNow();
        }
    }

    @Test
    void refusesZeroConnections() {
        assertThatThrownBy(() -> new PacedLoad(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsAnswersOtherThan2xxAsErrorsWithoutLatency() throws Exception {
        try (PacedLoad load = new PacedLoad(8)) {
            PacedLoad.Result result = load.run(url("/missing"), 100, Duration.ofMillis(200), Map.of());
            assertThat(result.errors()).isEqualTo(20);
            assertThat(result.latencies()).isEmpty();
            assertThat(result.percentileMillis(99)).isNaN();
        }
    }
}
