package dev.cairn.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: {@code concurrency} virtual-thread clients each send GETs one after the other until
 * {@code requests} have been sent in total, over one keep-alive HTTP/1.1 client.
 */
public final class LoadGenerator {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    /** Sends {@code requests} GETs to {@code url} from {@code concurrency} clients. */
    public LoadResult run(URI url, int requests, int concurrency) throws Exception {
        AtomicLong remaining = new AtomicLong(requests);
        AtomicLong errors = new AtomicLong();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build();
        long started = System.nanoTime();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[requests / concurrency + 16];
                    int count = 0;
                    while (remaining.getAndDecrement() > 0) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() / 100 != 2) {
                                errors.incrementAndGet();
                                continue;
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencies.length * 2);
                        }
                        latencies[count++] = (System.nanoTime() - sent) / 1000;
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> worker : workers) {
                long[] some = worker.get();
                long[] joined = Arrays.copyOf(all, all.length + some.length);
                System.arraycopy(some, 0, joined, all.length, some.length);
                all = joined;
            }
            return new LoadResult(all.length, errors.get(), Duration.ofNanos(System.nanoTime() - started), all);
        }
    }
}
