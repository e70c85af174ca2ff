package dev.cairn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed rate, the way wrk2 measures: request {@code i} is due at {@code start + i / rate}, is sent
 * then whether or not earlier ones have been answered, and its latency counts from when it was <em>due</em>, not
 * from when it could be sent. A target that stalls therefore shows the stall in every request that waited behind
 * it (no coordinated omission), which a closed-loop generator would hide.
 * <p>
 * Like wrk2, it keeps at most a fixed number of requests in flight, hence of connections: a request due while all
 * are busy is sent when one comes back, and that wait counts in its latency. Without the bound, the JDK client opened
 * a new connection for every request that found none idle, and a target slowed down for a moment was then buried
 * under hundreds of new connections, which slowed it further.
 */
public final class PacedLoad implements AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    private final int connections;

    /** @param connections requests (and so connections) in flight at most */
    public PacedLoad(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, not " + connections);
        }
        this.connections = connections;
    }

    /** What a paced run measured: latencies in microseconds from the due time, sorted. */
    public record Result(double offeredRate, double achievedRate, long errors, long[] latencies) {

        public Result {
            latencies = latencies.clone();
            Arrays.sort(latencies);
        }

        public double percentileMillis(double percent) {
            return Percentiles.ofSorted(latencies, percent) / 1000.0;
        }
    }

    /** Sends GETs to {@code url} at {@code rate} per second for {@code duration}. */
    public Result run(URI url, double rate, Duration duration, Map<String, String> headers) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        int total = (int) Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long[] latencies = new long[total];
        boolean[] ok = new boolean[total];
        AtomicLong errors = new AtomicLong();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
        double intervalNanos = 1e9 / rate;
        Semaphore inFlight = new Semaphore(connections);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            int index = i;
            pending[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .handle((response, failure) -> {
                        long now = System.nanoTime();
                        inFlight.release();
                        if (failure != null || response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        } else {
                            latencies[index] = (now - due) / 1000;
                            ok[index] = true;
                        }
                        return null;
                    });
        }
        CompletableFuture.allOf(pending).get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int answered = 0;
        long[] measured = new long[total];
        for (int i = 0; i < total; i++) {
            if (ok[i]) {
                measured[answered++] = latencies[i];
            }
        }
        return new Result(rate, answered / elapsed, errors.get(), Arrays.copyOf(measured, answered));
    }

    @Override
    public void close() {
        client.close();
        executor.shutdownNow();
    }
}
