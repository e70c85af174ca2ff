package dev.cairn.order.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.redis.RedisClients;
import dev.cairn.commons.redis.RedisSubscription;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Live order updates across instances (CONTRACT.md section 4): every status change is published on the Redis channel
 * {@code cairn.orders.<orderId>}; each instance holds one pattern subscription ({@code cairn.orders.*}) and hands
 * messages to the local listeners of that order (the SSE streams it serves). When Redis is down, publishing is
 * skipped (counted in the log) and streams only get the state sent when they open; the order itself is unaffected.
 */
@ApplicationScoped
public class OrderUpdates {

    /** Channel prefix of CONTRACT.md section 4. */
    public static final String CHANNEL_PREFIX = "cairn.orders.";

    private static final Logger LOG = Logger.getLogger(OrderUpdates.class.getName());

    private final RedisClient redis;
    private final Map<String, Set<Consumer<OrderUpdate>>> listeners = new ConcurrentHashMap<>();
    private final RedisSubscription subscription;

    @Inject
    public OrderUpdates(Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.redis = RedisClients.create(ConfigValues.requireUri(config, "cairn.redis.url",
                "set it to e.g. redis://127.0.0.1:6379", "redis", "rediss"), Duration.ofSeconds(2), metrics, "order-updates");
        this.subscription = RedisSubscription.pattern(redis, CHANNEL_PREFIX + "*", this::deliver, () -> { });
    }

    /** Tells every instance about a status change (after the change committed). */
    public void publish(OrderUpdate update) {
        try {
            redis.publish(CHANNEL_PREFIX + update.orderId(), Json.write(update));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Order update of " + update.orderId() + " not published (Redis: " + e.getMessage() + ")");
        }
    }

    /** Registers a listener for one order's updates; returns what unregisters it. */
    public Runnable listen(String orderId, Consumer<OrderUpdate> listener) {
        listeners.computeIfAbsent(orderId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(orderId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private void deliver(String channel, String message) {
        String orderId = channel.substring(CHANNEL_PREFIX.length());
        Set<Consumer<OrderUpdate>> targets = listeners.get(orderId);
        if (targets == null) {
            return;
        }
        try {
            OrderUpdate update = Json.mapper().readValue(message, OrderUpdate.class);
            targets.forEach(listener -> listener.accept(update));
        } catch (JsonProcessingException e) {
            LOG.warning(() -> "Ignoring a malformed order update on " + channel);
        }
    }

    @PreDestroy
    void close() {
        subscription.close();
        redis.close();
    }
}
