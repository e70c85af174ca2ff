package dev.cairn.gateway.auth;

import io.helidon.security.jwt.jwk.Jwk;
import io.helidon.security.jwt.jwk.JwkKeys;
import jakarta.json.Json;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The user service's signing keys, fetched from its JWKS URL (or read from a file: a path or {@code file:} URL) and cached for {@code maxAge}. A token with a
 * {@code kid} the cache does not know makes it fetch again at once (key rotation), but at most every
 * {@code minRefresh}, so a flood of made-up kids cannot hammer the user service. While the JWKS cannot be fetched
 * the keys known last stay in use.
 */
public final class Jwks {

    private static final Logger LOG = Logger.getLogger(Jwks.class.getName());

    private final URI url;
    private final Duration maxAge;
    private final Duration minRefresh;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile JwkKeys keys = JwkKeys.builder().build();
    private volatile Instant fetchedAt = Instant.MIN;
    private volatile Instant triedAt = Instant.MIN;

    public Jwks(URI url, Duration maxAge, Duration minRefresh, Clock clock) {
        this.url = url;
        this.maxAge = maxAge;
        this.minRefresh = minRefresh;
        this.clock = clock;
    }

    /** The key named {@code keyId}, fetching the JWKS when it is old or does not know the kid. */
    public Optional<Jwk> key(String keyId) {
        Instant now = clock.instant();
        if (now.isAfter(fetchedAt.plus(maxAge))) {
            refresh(now);
        }
        Optional<Jwk> key = keys.forKeyId(keyId);
        if (key.isEmpty() && now.isAfter(triedAt.plus(minRefresh))) {
            refresh(now);
            key = keys.forKeyId(keyId);
        }
        return key;
    }

    /** The keys known now. */
    public JwkKeys keys() {
        return keys;
    }

    private String fetch() throws Exception {
        if (url.getScheme() == null || url.getScheme().equals("file")) {
            return Files.readString(url.getScheme() == null ? Path.of(url.getPath()) : Path.of(url));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    private synchronized void refresh(Instant now) {
        if (triedAt.isAfter(now.minus(minRefresh))) {
            return;
        }
        triedAt = now;
        try {
            try (JsonReader reader = Json.createReader(new StringReader(fetch()))) {
                keys = JwkKeys.create(reader.readObject());
            }
            fetchedAt = now;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warning(() -> "Cannot fetch the JWKS from " + url + " (" + e.getMessage() + "); keeping the "
                    + keys.keys().size() + " keys known");
        }
    }
}
