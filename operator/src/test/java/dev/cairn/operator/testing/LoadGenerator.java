package dev.cairn.operator.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Sends requests to a URL from a few threads, as fast as it answers, until closed. */
public final class LoadGenerator implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public LoadGenerator(String url, int threads) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
        for (int i = 0; i < threads; i++) {
            this.threads.add(Thread.ofVirtual().name("load-" + i).start(() -> {
                while (running) {
                    try {
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        if (e instanceof InterruptedException) {
                            return;
                        }
                    }
                }
            }));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(5_000);
        }
        http.close();
    }
}
