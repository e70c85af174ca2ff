package dev.cairn.product.cache;

import dev.cairn.commons.metrics.Meters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.redis.RedisClients;
import dev.cairn.commons.json.Json;
import dev.cairn.product.domain.Product;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Two cache layers in front of MongoDB, cache-aside, for products by id and for first pages of list queries:
 * <ul>
 *   <li>L1: in-process Caffeine, bounded, short TTL. Concurrent misses of one key share one load (single flight),
 *       so a cold key under load reaches Redis and MongoDB once.</li>
 *   <li>L2: Redis (optional). Shared by all instances; a product that does not exist is cached too (negative
 *       caching, shorter TTL). List entries are keyed by a generation number that every write increments.</li>
 * </ul>
 * Every write drops the entries in both layers and tells the other instances over {@link InvalidationBus}.
 * Counters: {@code cairn_cache_requests_total{cache, layer, result}}, {@code cairn_cache_errors_total{layer}}.
 */
@ApplicationScoped
public class ProductCache {

    private static final Logger LOG = Logger.getLogger(ProductCache.class.getName());
    private static final String PRODUCT_KEY = "cairn:products:product:";
    private static final String LIST_KEY = "cairn:products:list:";
    private static final String LIST_GENERATION_KEY = "cairn:products:list-generation";
    private static final String ABSENT = "absent";
    private static final String LISTS_MESSAGE = "products:lists";
    private static final String PRODUCT_MESSAGE = "products:product:";
    private static final TypeReference<List<Product>> PRODUCT_LIST = new TypeReference<>() {
    };

    private final AsyncCache<String, Optional<Product>> products;
    private final AsyncCache<String, List<Product>> lists;
    private final RedisLayer redis;
    private final InvalidationBus bus;
    private final MetricRegistry metrics;
    private final Duration l2Ttl;
    private final Duration negativeTtl;
    private final Duration listL2Ttl;

    @Inject
    public ProductCache(Config config, Clock clock,
                        @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.metrics = metrics;
        Duration l1Ttl = ConfigValues.duration(config, "cairn.products.cache.l1-ttl", Duration.ofSeconds(30));
        Duration negativeL1Ttl = ConfigValues.duration(config, "cairn.products.cache.negative-l1-ttl", Duration.ofSeconds(5));
        long l1Size = config.getOptionalValue("cairn.products.cache.l1-size", Long.class).orElse(10_000L);
        this.l2Ttl = ConfigValues.duration(config, "cairn.products.cache.l2-ttl", Duration.ofMinutes(5));
        this.negativeTtl = ConfigValues.duration(config, "cairn.products.cache.negative-l2-ttl", Duration.ofSeconds(30));
        this.listL2Ttl = ConfigValues.duration(config, "cairn.products.cache.list-l2-ttl", Duration.ofSeconds(60));
        this.products = Caffeine.newBuilder()
                .maximumSize(l1Size)
                .expireAfter(expiry(l1Ttl, negativeL1Ttl))
                .buildAsync();
        this.lists = Caffeine.newBuilder()
                .maximumSize(Math.max(100, l1Size / 10))
                .expireAfterWrite(ConfigValues.duration(config, "cairn.products.cache.list-l1-ttl", Duration.ofSeconds(10)))
                .buildAsync();
        this.redis = new RedisLayer(RedisClients.create(ConfigValues.requireUri(config, "cairn.redis.url",
                        "set it to e.g. redis://127.0.0.1:6379", "redis", "rediss"),
                        ConfigValues.duration(config, "cairn.products.cache.redis-timeout", Duration.ofMillis(250)),
                        metrics, "catalog-cache"),
                ConfigValues.duration(config, "cairn.products.cache.redis-backoff", Duration.ofSeconds(5)),
                Meters.counter(metrics, "cairn_cache_errors", new Tag("layer", "l2")), clock);
        this.bus = new InvalidationBus(redis, this::onInvalidation, this::dropEverythingLocal);
    }

    /** The product with this id, loading it with {@code load} (from MongoDB) on a miss in both layers. */
    public CompletableFuture<Optional<Product>> product(String id, Supplier<CompletableFuture<Optional<Product>>> load) {
        CompletableFuture<Optional<Product>> cached = products.getIfPresent(id);
        if (cached != null) {
            count("product", "l1", "hit");
            return cached;
        }
        count("product", "l1", "miss");
        return products.get(id, (key, executor) -> fromRedisOrLoad(key, load));
    }

    /** A first page of a list query ({@code limit + 1} rows), loading it with {@code load} on a miss. */
    public CompletableFuture<List<Product>> list(String queryKey, Supplier<CompletableFuture<List<Product>>> load) {
        CompletableFuture<List<Product>> cached = lists.getIfPresent(queryKey);
        if (cached != null) {
            count("list", "l1", "hit");
            return cached;
        }
        count("list", "l1", "miss");
        return lists.get(queryKey, (key, executor) -> listFromRedisOrLoad(key, load));
    }

    /** A product was created, changed or deleted: drop it and every list, here, in Redis and on the other instances. */
    public void invalidate(String productId) {
        products.synchronous().invalidate(productId);
        lists.synchronous().invalidateAll();
        redis.delete(PRODUCT_KEY + productId);
        redis.increment(LIST_GENERATION_KEY);
        bus.publish(PRODUCT_MESSAGE + productId);
        bus.publish(LISTS_MESSAGE);
    }

    /** Drops this instance's in-process entries (tests, and after missed invalidations). */
    public void dropEverythingLocal() {
        products.synchronous().invalidateAll();
        lists.synchronous().invalidateAll();
    }

    private CompletableFuture<Optional<Product>> fromRedisOrLoad(String id,
                                                                 Supplier<CompletableFuture<Optional<Product>>> load) {
        Optional<String> shared = redis.get(PRODUCT_KEY + id);
        if (shared.isPresent()) {
            Optional<Optional<Product>> decoded = decodeProduct(shared.get());
            if (decoded.isPresent()) {
                count("product", "l2", "hit");
                return CompletableFuture.completedFuture(decoded.get());
            }
        }
        count("product", "l2", "miss");
        return load.get().thenApply(found -> {
            redis.set(PRODUCT_KEY + id, found.map(Json::write).orElse(ABSENT), found.isPresent() ? l2Ttl : negativeTtl);
            return found;
        });
    }

    private CompletableFuture<List<Product>> listFromRedisOrLoad(String queryKey,
                                                                 Supplier<CompletableFuture<List<Product>>> load) {
        Optional<String> redisKey = redis.read(LIST_GENERATION_KEY).map(generation -> LIST_KEY + generation + ":" + queryKey);
        if (redisKey.isPresent()) {
            Optional<List<Product>> shared = redis.get(redisKey.get()).flatMap(ProductCache::decodeList);
            if (shared.isPresent()) {
                count("list", "l2", "hit");
                return CompletableFuture.completedFuture(shared.get());
            }
        }
        count("list", "l2", "miss");
        return load.get().thenApply(rows -> {
            redisKey.ifPresent(key -> redis.set(key, Json.write(rows), listL2Ttl));
            return rows;
        });
    }

    private void onInvalidation(String message) {
        if (message.startsWith(PRODUCT_MESSAGE)) {
            products.synchronous().invalidate(message.substring(PRODUCT_MESSAGE.length()));
        } else if (message.equals(LISTS_MESSAGE)) {
            lists.synchronous().invalidateAll();
        }
    }

    private static Optional<Optional<Product>> decodeProduct(String value) {
        if (value.equals(ABSENT)) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(Json.mapper().readValue(value, Product.class)));
        } catch (JsonProcessingException e) {
            LOG.warning(() -> "Ignoring an unreadable cache entry: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static Optional<List<Product>> decodeList(String value) {
        try {
            return Optional.of(Json.mapper().readValue(value, PRODUCT_LIST));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void count(String cache, String layer, String result) {
        Meters.counter(metrics, "cairn_cache_requests", new Tag("cache", cache), new Tag("layer", layer), new Tag("result", result))
                .inc();
    }

    private static Expiry<String, Optional<Product>> expiry(Duration present, Duration absent) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String key, Optional<Product> value, long currentTime) {
                return (value.isPresent() ? present : absent).toNanos();
            }

            @Override
            public long expireAfterUpdate(String key, Optional<Product> value, long currentTime, long currentDuration) {
                return expireAfterCreate(key, value, currentTime);
            }

            @Override
            public long expireAfterRead(String key, Optional<Product> value, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }

    @PreDestroy
    void close() {
        bus.close();
        redis.close();
    }
}
