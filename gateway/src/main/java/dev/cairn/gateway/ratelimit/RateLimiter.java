package dev.cairn.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cairn.gateway.routing.RateLimitSpec;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Token buckets per rate-limit class and subject, shared by every gateway replica through Redis: one Lua script reads
 * the bucket, refills it by the time passed (Redis' own clock, so replicas agree), takes a token if there is one and
 * writes it back, atomically. While Redis cannot be reached each replica limits with its own in-memory buckets
 * (Bucket4j) and tries Redis again after {@code redisBackoff}; decisions say which of the two made them.
 */
public final class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            if tokens == nil or ts == nil then
              tokens = burst
              ts = now
            end
            tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            local wait = 0
            if allowed == 0 then wait = math.ceil((1 - tokens) * 1000 / rate) end
            local full = math.ceil((burst - tokens) * 1000 / rate)
            return {allowed, math.floor(tokens), wait, full}
            """;

    private final RedisClient redis;
    private final String prefix;
    private final Duration redisBackoff;
    private final Clock clock;
    private final Cache<String, Bucket> local = Caffeine.newBuilder().expireAfterAccess(10, TimeUnit.MINUTES)
            .maximumSize(100_000).build();
    private volatile Instant redisRetryAt = Instant.MIN;
    private volatile String scriptSha;

    /**
     * @param redis        the shared Redis, or null to limit locally only
     * @param prefix       key prefix, e.g. {@code cairn:ratelimit:}
     * @param redisBackoff how long to stay local after Redis failed
     */
    public RateLimiter(RedisClient redis, String prefix, Duration redisBackoff, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.redisBackoff = redisBackoff;
        this.clock = clock;
    }

    /** Takes a token for {@code subject} from the bucket of {@code limit}. */
    public RateDecision take(RateLimitSpec limit, String subject) {
        String key = limit.name() + ":" + subject;
        if (redis != null && !clock.instant().isBefore(redisRetryAt)) {
            try {
                return distributed(limit, key);
            } catch (JedisException e) {
                redisRetryAt = clock.instant().plus(redisBackoff);
                LOG.warning(() -> "Redis unavailable for rate limiting (" + e.getMessage() + "); limiting locally for "
                        + redisBackoff.toSeconds() + " s");
            }
        }
        return locally(limit, key);
    }

    /** Whether the last attempt to use Redis failed less than the back-off ago. */
    public boolean usingFallback() {
        return redis == null || clock.instant().isBefore(redisRetryAt);
    }

    private RateDecision distributed(RateLimitSpec limit, String key) {
        long ttlMillis = (long) Math.ceil(limit.burst() / limit.requestsPerSecond() * 1000) + 60_000;
        List<String> keys = List.of(prefix + key);
        List<String> args = List.of(Double.toString(limit.requestsPerSecond()), Integer.toString(limit.burst()),
                Long.toString(ttlMillis));
        List<?> result;
        try {
            result = (List<?>) redis.evalsha(scriptSha(), keys, args);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("NOSCRIPT")) {
                throw e;
            }
            scriptSha = null; // Redis restarted or flushed its scripts: load it again
            result = (List<?>) redis.evalsha(scriptSha(), keys, args);
        }
        boolean allowed = ((Number) result.get(0)).longValue() == 1;
        return new RateDecision(allowed, limit.burst(), ((Number) result.get(1)).longValue(),
                seconds(((Number) result.get(3)).longValue()), seconds(((Number) result.get(2)).longValue()), true);
    }

    /** The script's SHA, loading it into Redis on first use (requests then send 40 bytes instead of the script). */
    private String scriptSha() {
        String sha = scriptSha;
        if (sha == null) {
            sha = redis.scriptLoad(TAKE);
            scriptSha = sha;
        }
        return sha;
    }

    private RateDecision locally(RateLimitSpec limit, String key) {
        Bucket bucket = local.get(key, ignored -> Bucket.builder().addLimit(bandwidth(limit)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long missing = limit.burst() - probe.getRemainingTokens();
        long fullMillis = (long) Math.ceil(missing * 1000 / limit.requestsPerSecond());
        return new RateDecision(probe.isConsumed(), limit.burst(), probe.getRemainingTokens(), seconds(fullMillis),
                seconds(TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill())), false);
    }

    private static Bandwidth bandwidth(RateLimitSpec limit) {
        long tokens = Math.max(1, Math.round(limit.requestsPerSecond()));
        Duration period = Duration.ofNanos(Math.round(tokens * 1_000_000_000L / limit.requestsPerSecond()));
        return Bandwidth.builder().capacity(limit.burst()).refillGreedy(tokens, period).build();
    }

    private static long seconds(long millis) {
        return Math.max(0, (millis + 999) / 1000);
    }
}
