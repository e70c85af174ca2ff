package dev.cairn.analytics.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.analytics.detect.Anomaly;
import dev.cairn.analytics.ingest.Contribution;
import dev.cairn.commons.json.Json;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZParams;
import redis.clients.jedis.resps.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sliding-window aggregates in Redis. Time is cut into {@value #BUCKET_SECONDS}-second buckets; each bucket has a
 * hash of counters and two sorted sets (product views, units sold) that expire after {@link #RETENTION}. A window is
 * the sum of the buckets it covers. Recording an event and marking its id as seen happen in one Lua script, so an
 * event delivered again within {@link #RETENTION} is not counted twice, and a crash never counts half of one.
 */
public final class AnalyticsStore {

    /** Width of one bucket. */
    public static final int BUCKET_SECONDS = 10;
    /** How long buckets and seen-event ids are kept: the longest window plus a margin. */
    public static final Duration RETENTION = Duration.ofHours(2);

    private static final int MAX_ANOMALIES = 200;
    private static final String RECORD = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
            local i = 2
            for k = 2, 4 do
              local n = tonumber(ARGV[i]); i = i + 1
              for _ = 1, n do
                if k == 2 then redis.call('HINCRBY', KEYS[k], ARGV[i], ARGV[i + 1])
                else redis.call('ZINCRBY', KEYS[k], ARGV[i + 1], ARGV[i]) end
                i = i + 2
              end
              if n > 0 then redis.call('EXPIRE', KEYS[k], ARGV[1]) end
            end
            return 1
            """;

    private final RedisClient redis;
    private final String prefix;

    /** @param prefix key prefix, e.g. {@code cairn:analytics:} */
    public AnalyticsStore(RedisClient redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /**
     * Adds {@code contribution} to the bucket of {@code at}, unless event {@code eventId} was recorded before.
     *
     * @return whether it was recorded now (false: a duplicate)
     * @throws redis.clients.jedis.exceptions.JedisException when Redis cannot be reached
     */
    public boolean record(String eventId, Instant at, Contribution contribution) {
        long bucket = bucketOf(at);
        List<String> args = new ArrayList<>();
        args.add(Long.toString(RETENTION.toSeconds()));
        for (Map<String, Long> increments : List.of(contribution.counters(), contribution.views(), contribution.sales())) {
            args.add(Integer.toString(increments.size()));
            increments.forEach((name, increment) -> {
                args.add(name);
                args.add(Long.toString(increment));
            });
        }
        Object recorded = redis.eval(RECORD, List.of(prefix + "seen:" + eventId, countersKey(bucket), viewsKey(bucket),
                salesKey(bucket)), args);
        return recorded instanceof Long value && value == 1L;
    }

    /** The counters summed over the buckets from {@code from} to {@code to}. */
    public Map<String, Long> counters(Instant from, Instant to) {
        List<Long> buckets = buckets(from, to);
        Map<String, Long> totals = new HashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            List<Response<Map<String, String>>> responses = new ArrayList<>();
            for (long bucket : buckets) {
                responses.add(pipeline.hgetAll(countersKey(bucket)));
            }
            pipeline.sync();
            for (Response<Map<String, String>> response : responses) {
                response.get().forEach((name, value) -> totals.merge(name, Long.parseLong(value), Long::sum));
            }
        }
        return totals;
    }

    /** The {@code limit} most viewed products from {@code from} to {@code to}, most first. */
    public List<Ranked> topViewed(Instant from, Instant to, int limit) {
        return top(buckets(from, to).stream().map(this::viewsKey).toList(), limit);
    }

    /** The {@code limit} best-selling products (units) from {@code from} to {@code to}, most first. */
    public List<Ranked> topSold(Instant from, Instant to, int limit) {
        return top(buckets(from, to).stream().map(this::salesKey).toList(), limit);
    }

    /**
     * Lists an anomaly once per {@code key} (the same finding made by several instances is listed once).
     *
     * @return whether it was new
     */
    public boolean addAnomaly(String key, Anomaly anomaly) {
        String marker = redis.set(prefix + "anomaly:" + key, "1", SetParams.setParams().nx().ex(RETENTION.toSeconds()));
        if (!"OK".equals(marker)) {
            return false;
        }
        redis.lpush(prefix + "anomalies", Json.write(anomaly));
        redis.ltrim(prefix + "anomalies", 0, MAX_ANOMALIES - 1);
        return true;
    }

    /** Anomalies detected at or after {@code from}, newest first. */
    public List<Anomaly> anomaliesSince(Instant from) {
        List<Anomaly> anomalies = new ArrayList<>();
        for (String entry : redis.lrange(prefix + "anomalies", 0, MAX_ANOMALIES - 1)) {
            try {
                Anomaly anomaly = Json.mapper().readValue(entry, Anomaly.class);
                if (!anomaly.at().isBefore(from)) {
                    anomalies.add(anomaly);
                }
            } catch (JsonProcessingException e) {
                // an entry this version cannot read is left for the list to trim
            }
        }
        return anomalies;
    }

    /** Whether Redis answers. */
    public boolean ping() {
        return "PONG".equalsIgnoreCase(redis.ping());
    }

    /** Start of the bucket {@code at} falls in, in epoch seconds. */
    public static long bucketOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS;
    }

    private List<Ranked> top(List<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Tuple> union = redis.zunionWithScores(new ZParams().aggregate(ZParams.Aggregate.SUM), keys.toArray(String[]::new));
        return union.stream()
                .sorted(Comparator.comparingDouble(Tuple::getScore).reversed().thenComparing(Tuple::getElement))
                .limit(limit)
                .map(tuple -> new Ranked(tuple.getElement(), (long) tuple.getScore()))
                .toList();
    }

    private static List<Long> buckets(Instant from, Instant to) {
        List<Long> buckets = new ArrayList<>();
        for (long bucket = bucketOf(from); bucket <= bucketOf(to); bucket += BUCKET_SECONDS) {
            buckets.add(bucket);
        }
        return buckets;
    }

    private String countersKey(long bucket) {
        return prefix + "counters:" + bucket;
    }

    private String viewsKey(long bucket) {
        return prefix + "views:" + bucket;
    }

    private String salesKey(long bucket) {
        return prefix + "sales:" + bucket;
    }

    /**
     * A product and its count in a window.
     *
     * @param productId the product
     * @param count     views or units sold
     */
    public record Ranked(String productId, long count) {
    }
}
