package dev.cairn.launcher.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Cairn process whether it is ready ({@code GET /health/ready} answers 200). */
public final class Readiness {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The readiness status: {@code UP}, {@code DOWN} (with the reason body), or {@code UNREACHABLE}. */
    public Status check(String host, int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(4)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? new Status(State.UP, response.body())
                    : new Status(State.DOWN, response.body());
        } catch (java.io.IOException e) {
            return new Status(State.UNREACHABLE, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(State.UNREACHABLE, "interrupted");
        }
    }

    /** Readiness state. */
    public enum State { UP, DOWN, UNREACHABLE }

    /**
     * @param state  the state
     * @param detail the health response body or the connection error
     */
    public record Status(State state, String detail) {
    }
}
