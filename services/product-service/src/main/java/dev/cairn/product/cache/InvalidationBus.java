package dev.cairn.product.cache;

import redis.clients.jedis.JedisPubSub;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Cache invalidation between instances over the Redis channel {@code cairn.cache.invalidate} (CONTRACT.md section
 * 4). Every write publishes what it changed; every instance, the writer included, drops those entries from its
 * in-process cache. The subscription runs on its own virtual thread and reconnects with back-off; after a
 * reconnect everything is dropped, because messages may have been missed meanwhile.
 */
public class InvalidationBus implements AutoCloseable {

    /** The channel of CONTRACT.md section 4. */
    public static final String CHANNEL = "cairn.cache.invalidate";

    private static final Logger LOG = Logger.getLogger(InvalidationBus.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final RedisLayer redis;
    private final Consumer<String> onMessage;
    private final Runnable onMissedMessages;
    private final Thread subscriber;
    private volatile boolean running = true;
    private volatile JedisPubSub subscription;

    /**
     * @param onMessage        called with each message published on the channel
     * @param onMissedMessages called when the subscription (re)starts, as messages may have been lost
     */
    public InvalidationBus(RedisLayer redis, Consumer<String> onMessage, Runnable onMissedMessages) {
        this.redis = redis;
        this.onMessage = onMessage;
        this.onMissedMessages = onMissedMessages;
        this.subscriber = Thread.ofVirtual().name("cache-invalidation").start(this::subscribeLoop);
    }

    /** Tells every instance to drop {@code message}'s entries. */
    public void publish(String message) {
        redis.publish(CHANNEL, message);
    }

    private void subscribeLoop() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int subscribedChannels) {
                    onMissedMessages.run();
                }

                @Override
                public void onMessage(String channel, String message) {
                    onMessage.accept(message);
                }
            };
            subscription = pubSub;
            try {
                redis.client().subscribe(pubSub, CHANNEL);
                backoff = Duration.ofMillis(200);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.fine(() -> "Cache invalidation subscription lost: " + e.getMessage());
            }
            if (running) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        JedisPubSub current = subscription;
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException ignored) {
                // the connection is already gone
            }
        }
        subscriber.interrupt();
    }
}
