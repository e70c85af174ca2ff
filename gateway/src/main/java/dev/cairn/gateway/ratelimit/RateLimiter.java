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
 * the bucket, refills it by the time passed (Redis' own clock, so replicas agree), takes tokens if there are some and
 * writes it back, atomically. While Redis cannot be reached each replica limits with its own in-memory buckets
 * (Bucket4j) and tries Redis again after {@code redisBackoff}; decisions say which of the two made them.
 * <p>
 * A class with a high rate does not cost a Redis round trip per request: a replica takes a batch of tokens at once
 * (a {@link TokenLease}) and spends them on its next requests, for at most {@code leaseWindow}. The batch is what the
 * class refills in that window, at most a tenth of its burst and at most {@value #MAX_BATCH}; a class that refills
 * less than two tokens in the window (every small limit) still asks Redis for each request, exactly. Leased tokens are
 * taken from the shared bucket before they are spent and never returned, so the replicas together never admit more
 * than the bucket allows; at worst a replica refuses while another holds a few unspent tokens, for one window.
 */
public final class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    /** The most tokens one replica leases at once. */
    static final int MAX_BATCH = 1000;
    private static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local wanted = tonumber(ARGV[4])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            if tokens == nil or ts == nil then
              tokens = burst
              ts = now
            end
            tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
            local granted = 0
            if tokens >= 1 then
              granted = math.min(wanted, math.floor(tokens))
              tokens = tokens - granted
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            local wait = 0
            if granted == 0 then wait = math.ceil((1 - tokens) * 1000 / rate) end
            local full = math.ceil((burst - tokens) * 1000 / rate)
            return {granted, math.floor(tokens), wait, full}
            """;

    private final RedisClient redis;
    private final String prefix;
    private final Duration redisBackoff;
    private final Duration leaseWindow;
    private final Clock clock;
    private final Cache<String, Bucket> local = Caffeine.newBuilder().expireAfterAccess(10, TimeUnit.MINUTES)
            .maximumSize(100_000).build();
    private final Cache<String, TokenLease> leases;
    private volatile Instant redisRetryAt = Instant.MIN;
    private volatile String scriptSha;

    /**
     * @param redis        the shared Redis, or null to limit locally only
     * @param prefix       key prefix, e.g. {@code cairn:ratelimit:}
     * @param redisBackoff how long to stay local after Redis failed
     * @param leaseWindow  how long leased tokens may be spent ({@link Duration#ZERO}: no leases, Redis decides every
     *                     request)
     */
    public RateLimiter(RedisClient redis, String prefix, Duration redisBackoff, Duration leaseWindow, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.redisBackoff = redisBackoff;
        this.leaseWindow = leaseWindow;
        this.clock = clock;
        this.leases = Caffeine.newBuilder().expireAfterWrite(leaseWindow.plusSeconds(1)).maximumSize(100_000).build();
    }

    /** Takes a token for {@code subject} from the bucket of {@code limit}. */
    public RateDecision take(RateLimitSpec limit, String subject) {
        String key = limit.name() + ":" + subject;
        if (redis != null && !clock.instant().isBefore(redisRetryAt)) {
            int batch = batchOf(limit);
            if (batch > 1) {
                TokenLease lease = leases.getIfPresent(key);
                long remaining = lease == null ? -1 : lease.take(System.nanoTime());
                if (remaining >= 0) {
                    return new RateDecision(true, limit.burst(), remaining, lease.resetSeconds(), 0, true);
                }
            }
            try {
                return distributed(limit, key, batch);
            } catch (JedisException e) {
                redisRetryAt = clock.instant().plus(redisBackoff);
                LOG.warning(() -> "Redis unavailable for rate limiting (" + e.getMessage() + "); limiting locally for "
                        + redisBackoff.toSeconds() + " s");
            }
        }
        return locally(limit, key);
    }

    /** How many tokens to lease at once for {@code limit}: 1 (no lease) unless its rate is high. */
    int batchOf(RateLimitSpec limit) {
        double refilledInWindow = limit.requestsPerSecond() * leaseWindow.toNanos() / 1e9;
        long batch = (long) Math.floor(Math.min(refilledInWindow, limit.burst() / 10.0));
        return (int) Math.max(1, Math.min(batch, MAX_BATCH));
    }

    /** Whether the last attempt to use Redis failed less than the back-off ago. */
    public boolean usingFallback() {
        return redis == null || clock.instant().isBefore(redisRetryAt);
    }

    private RateDecision distributed(RateLimitSpec limit, String key, int batch) {
        long ttlMillis = (long) Math.ceil(limit.burst() / limit.requestsPerSecond() * 1000) + 60_000;
        List<String> keys = List.of(prefix + key);
        List<String> args = List.of(Double.toString(limit.requestsPerSecond()), Integer.toString(limit.burst()),
                Long.toString(ttlMillis), Integer.toString(batch));
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
        long granted = ((Number) result.get(0)).longValue();
        long sharedRemaining = ((Number) result.get(1)).longValue();
        long resetSeconds = seconds(((Number) result.get(3)).longValue());
        if (granted > 1) {
            leases.put(key, new TokenLease(granted - 1, System.nanoTime() + leaseWindow.toNanos(), sharedRemaining,
                    resetSeconds));
        }
        return new RateDecision(granted >= 1, limit.burst(), sharedRemaining + Math.max(0, granted - 1), resetSeconds,
                seconds(((Number) result.get(2)).longValue()), true);
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
