package dev.cairn.commons.health;

import dev.cairn.commons.redis.RedisClients;
import redis.clients.jedis.Jedis;

import java.net.URI;
import java.time.Duration;

/** Sends PING to Redis. */
final class RedisProbe implements DatastoreProbe {

    private final URI uri;

    RedisProbe(URI uri) {
        this.uri = uri;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String check(Duration timeout) {
        try (Jedis jedis = RedisClients.connect(uri, timeout)) {
            String pong = jedis.ping();
            return "PONG".equalsIgnoreCase(pong) ? null : "unexpected PING answer: " + pong;
        }
    }
}
