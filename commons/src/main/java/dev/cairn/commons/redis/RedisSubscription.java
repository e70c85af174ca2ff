package dev.cairn.commons.redis;

import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * A Redis pub/sub subscription that survives Redis restarts: it runs on its own virtual thread, resubscribes with
 * back-off (200 ms doubling to 10 s) after the connection drops, and calls {@code onSubscribed} each time it is
 * (re)subscribed, because messages published meanwhile were lost.
 */
public final class RedisSubscription implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RedisSubscription.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final RedisClient redis;
    private final String channel;
    private final boolean pattern;
    private final BiConsumer<String, String> onMessage;
    private final Runnable onSubscribed;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile JedisPubSub current;

    private RedisSubscription(RedisClient redis, String channel, boolean pattern, BiConsumer<String, String> onMessage,
                              Runnable onSubscribed) {
        this.redis = redis;
        this.channel = channel;
        this.pattern = pattern;
        this.onMessage = onMessage;
        this.onSubscribed = onSubscribed;
        this.thread = Thread.ofVirtual().name("redis-subscription-" + channel).start(this::run);
    }

    /** Subscribes to one channel; {@code onMessage} gets (channel, message). */
    public static RedisSubscription channel(RedisClient redis, String channel, BiConsumer<String, String> onMessage,
                                            Runnable onSubscribed) {
        return new RedisSubscription(redis, channel, false, onMessage, onSubscribed);
    }

    /** Subscribes to a channel pattern such as {@code cairn.orders.*}; {@code onMessage} gets (channel, message). */
    public static RedisSubscription pattern(RedisClient redis, String pattern, BiConsumer<String, String> onMessage,
                                            Runnable onSubscribed) {
        return new RedisSubscription(redis, pattern, true, onMessage, onSubscribed);
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onSubscribe(String name, int count) {
                    onSubscribed.run();
                }

                @Override
                public void onPSubscribe(String name, int count) {
                    onSubscribed.run();
                }

                @Override
                public void onMessage(String name, String message) {
                    onMessage.accept(name, message);
                }

                @Override
                public void onPMessage(String matched, String name, String message) {
                    onMessage.accept(name, message);
                }
            };
            current = pubSub;
            try {
                if (pattern) {
                    redis.psubscribe(pubSub, channel);
                } else {
                    redis.subscribe(pubSub, channel);
                }
                backoff = FIRST_BACKOFF;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.fine(() -> "Subscription to " + channel + " lost: " + e.getMessage());
            }
            if (!running) {
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    @Override
    public void close() {
        running = false;
        JedisPubSub pubSub = current;
        if (pubSub != null && pubSub.isSubscribed()) {
            try {
                if (pattern) {
                    pubSub.punsubscribe();
                } else {
                    pubSub.unsubscribe();
                }
            } catch (RuntimeException ignored) {
                // the connection is already gone
            }
        }
        thread.interrupt();
    }
}
