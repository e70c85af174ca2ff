package dev.cairn.commons.redis;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

import java.net.URI;
import java.time.Duration;

/** Builds pooled Jedis clients from {@code redis://[user:password@]host:port} (or {@code rediss://}) URLs. */
public final class RedisClients {

    private RedisClients() {
    }

    /** A pooled client whose connects and reads give up after {@code timeout}. */
    public static RedisClient create(URI uri, Duration timeout) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .ssl("rediss".equalsIgnoreCase(uri.getScheme()));
        if (uri.getUserInfo() != null) {
            String[] credentials = uri.getUserInfo().split(":", 2);
            if (credentials.length == 2) {
                if (!credentials[0].isEmpty()) {
                    config.user(credentials[0]);
                }
                config.password(credentials[1]);
            } else {
                config.password(credentials[0]);
            }
        }
        return RedisClient.builder()
                .hostAndPort(new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379))
                .clientConfig(config.build())
                .build();
    }
}
