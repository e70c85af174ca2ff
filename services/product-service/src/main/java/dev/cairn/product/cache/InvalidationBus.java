package dev.cairn.product.cache;

import dev.cairn.commons.redis.RedisSubscription;

import java.util.function.Consumer;

/**
 * Cache invalidation between instances over the Redis channel {@code cairn.cache.invalidate} (CONTRACT.md section
 * 4). Every write publishes what it changed; every instance, the writer included, drops those entries from its
 * in-process cache. After each (re)subscription everything is dropped, because messages may have been missed.
 */
public class InvalidationBus implements AutoCloseable {

    /** The channel of CONTRACT.md section 4. */
    public static final String CHANNEL = "cairn.cache.invalidate";

    private final RedisLayer redis;
    private final RedisSubscription subscription;

    /**
     * @param onMessage        called with each message published on the channel
     * @param onMissedMessages called when the subscription (re)starts
     */
    public InvalidationBus(RedisLayer redis, Consumer<String> onMessage, Runnable onMissedMessages) {
        this.redis = redis;
        this.subscription = RedisSubscription.channel(redis.client(), CHANNEL,
                (channel, message) -> onMessage.accept(message), onMissedMessages);
    }

    /** Tells every instance to drop {@code message}'s entries. */
    public void publish(String message) {
        redis.publish(CHANNEL, message);
    }

    @Override
    public void close() {
        subscription.close();
    }
}
