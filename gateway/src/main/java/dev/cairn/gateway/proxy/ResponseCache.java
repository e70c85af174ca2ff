package dev.cairn.gateway.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.security.Sha256;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Anonymous {@code GET} responses of routes marked {@code cache: true}, shared by every gateway replica in Redis.
 * Only what the upstream declares shareable is kept: status 200, {@code Cache-Control} with {@code public} or a
 * {@code max-age}/{@code s-maxage}, no {@code private}, {@code no-store} or {@code no-cache}, no {@code Set-Cookie},
 * body up to {@code maxBytes}; for that many seconds. A request with {@code Cache-Control: no-cache} or
 * {@code no-store} skips it. While Redis fails, the cache is left alone for a few seconds.
 */
public final class ResponseCache {

    private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());
    private static final Duration BACKOFF = Duration.ofSeconds(5);

    private final RedisClient redis;
    private final String prefix;
    private final int maxBytes;
    private final Clock clock;
    private volatile Instant retryAt = Instant.MIN;

    public ResponseCache(RedisClient redis, String prefix, int maxBytes, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Largest body kept. */
    public int maxBytes() {
        return maxBytes;
    }

    /** Whether Redis is there to use now. */
    public boolean enabled() {
        return redis != null && !clock.instant().isBefore(retryAt);
    }

    /** The cached response for {@code pathAndQuery}, if one is fresh. */
    public Optional<Entry> find(String pathAndQuery) {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            String stored = redis.get(key(pathAndQuery));
            return stored == null ? Optional.empty() : Optional.of(Json.mapper().readValue(stored, Entry.class));
        } catch (JedisException e) {
            backOff(e);
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Keeps {@code entry} for {@code ttl}. */
    public void store(String pathAndQuery, Entry entry, Duration ttl) {
        if (!enabled()) {
            return;
        }
        try {
            redis.set(key(pathAndQuery), Json.write(entry), SetParams.setParams().px(ttl.toMillis()));
        } catch (JedisException e) {
            backOff(e);
        }
    }

    /** How long a response with these headers may be shared, or empty when it may not. */
    public static Optional<Duration> shareableFor(int status, Map<String, List<String>> headers) {
        if (status != 200 || !values(headers, "set-cookie").isEmpty()) {
            return Optional.empty();
        }
        String control = String.join(",", values(headers, "cache-control")).toLowerCase(Locale.ROOT);
        if (control.isBlank() || control.contains("private") || control.contains("no-store") || control.contains("no-cache")) {
            return Optional.empty();
        }
        long seconds = -1;
        for (String directive : control.split(",")) {
            String[] pair = directive.trim().split("=", 2);
            if (pair.length == 2 && (pair[0].equals("s-maxage") || pair[0].equals("max-age") && seconds < 0)) {
                try {
                    seconds = Long.parseLong(pair[1].trim());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }

    private static List<String> values(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream()).toList();
    }

    /** Whether a request asks to bypass shared caches. */
    public static boolean bypassed(Optional<String> requestCacheControl) {
        return requestCacheControl.map(value -> value.toLowerCase(Locale.ROOT))
                .filter(value -> value.contains("no-cache") || value.contains("no-store")).isPresent();
    }

    private String key(String pathAndQuery) {
        return prefix + Sha256.hex(pathAndQuery);
    }

    private void backOff(JedisException e) {
        retryAt = clock.instant().plus(BACKOFF);
        LOG.fine(() -> "Response cache unavailable (" + e.getMessage() + ")");
    }

    /**
     * A kept response.
     *
     * @param headers  the upstream's headers (hop-by-hop ones dropped when served)
     * @param body     its body
     * @param storedAt when it was kept (for {@code Age})
     */
    public record Entry(Map<String, List<String>> headers, byte[] body, Instant storedAt) {
    }
}
