package dev.cairn.product.cache;

import org.eclipse.microprofile.metrics.Counter;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The shared (L2) cache in Redis, through a pooled Jedis client with short timeouts. Redis is optional: every
 * failure is counted and answered as a miss, and after one the layer stays out of the way for {@code backoff} so a
 * dead Redis costs requests nothing.
 */
public class RedisLayer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisLayer.class.getName());

    private final RedisClient redis;
    private final Counter errors;
    private final Duration backoff;
    private final Clock clock;
    private volatile Instant skipUntil = Instant.MIN;

    /** @param redis the client (see {@code RedisClients}); closed with this layer */
    public RedisLayer(RedisClient redis, Duration backoff, Counter errors, Clock clock) {
        this.redis = redis;
        this.errors = errors;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** The value, or empty on a miss or when Redis is unavailable. */
    public Optional<String> get(String key) {
        return call(() -> Optional.ofNullable(redis.get(key)), Optional.empty());
    }

    public void set(String key, String value, Duration ttl) {
        call(() -> redis.set(key, value, SetParams.setParams().px(ttl.toMillis())), null);
    }

    public void delete(String... keys) {
        call(() -> redis.del(keys), null);
    }

    /** The counter's value, or empty when Redis is unavailable. */
    public Optional<Long> read(String counterKey) {
        return call(() -> Optional.of(Optional.ofNullable(redis.get(counterKey)).map(Long::parseLong).orElse(0L)),
                Optional.empty());
    }

    /** Increments a counter; empty when Redis is unavailable. */
    public Optional<Long> increment(String counterKey) {
        return call(() -> Optional.of(redis.incr(counterKey)), Optional.empty());
    }

    public void publish(String channel, String message) {
        call(() -> redis.publish(channel, message), null);
    }

    /** Whether the layer is currently skipping Redis after a failure. */
    public boolean backingOff() {
        return clock.instant().isBefore(skipUntil);
    }

    /** The client, for the invalidation subscriber. */
    RedisClient client() {
        return redis;
    }

    private <T> T call(java.util.function.Supplier<T> action, T fallback) {
        if (backingOff()) {
            return fallback;
        }
        try {
            return action.get();
        } catch (JedisException | IllegalStateException e) {
            errors.inc();
            skipUntil = clock.instant().plus(backoff);
            LOG.warning(() -> "Redis cache unavailable (" + e.getMessage() + "); serving from MongoDB for " + backoff.toSeconds() + " s");
            return fallback;
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
