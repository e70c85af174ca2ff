package dev.cairn.commons.redis;

import dev.cairn.commons.metrics.Meters;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.PooledConnectionProvider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds pooled Jedis clients from {@code redis://[user:password@]host:port} (or {@code rediss://}) URLs. */
public final class RedisClients {

    private static final Logger LOG = Logger.getLogger(RedisClients.class.getName());

    private RedisClients() {
    }

    /** Connections each client keeps: Jedis' default of 8 made request threads wait for, and churn, connections. */
    static final int POOL_SIZE = 64;

    /** A pooled client whose connects and reads give up after {@code timeout}. */
    public static RedisClient create(URI uri, Duration timeout) {
        return RedisClient.builder().hostAndPort(hostAndPort(uri)).clientConfig(clientConfig(uri, timeout))
                .poolConfig(poolConfig()).build();
    }

    /**
     * Like {@link #create(URI, Duration)}, with every command timed in {@code cairn_redis_command_seconds{client}} and
     * failures counted in {@code cairn_redis_command_errors_total{client}} (both made now).
     *
     * @param client what the client is for, e.g. {@code rate-limiter}: a label value
     */
    public static RedisClient create(URI uri, Duration timeout, MetricRegistry metrics, String client) {
        Tag tag = new Tag("client", client);
        Timer latency;
        Counter errors;
        try {
            latency = Objects.requireNonNull(Meters.timer(metrics, "cairn_redis_command", tag));
            errors = Objects.requireNonNull(Meters.counter(metrics, "cairn_redis_command_errors", tag));
        } catch (RuntimeException e) {
            // Helidon 4.1 refuses meters a previous CDI container of this JVM left behind (tests): no metrics then
            LOG.log(Level.WARNING, "Metrics of the " + client + " Redis client are not registered: " + e);
            return create(uri, timeout);
        }
        JedisClientConfig config = clientConfig(uri, timeout);
        PooledConnectionProvider connections = new PooledConnectionProvider(hostAndPort(uri), config, poolConfig());
        return RedisClient.builder()
                .hostAndPort(hostAndPort(uri))
                .clientConfig(config)
                .connectionProvider(connections)
                .commandExecutor(new TimedCommandExecutor(new DefaultCommandExecutor(connections), latency, errors))
                .build();
    }

    /**
     * One unpooled connection (a readiness probe's PING), with the same settings as the pooled clients; the caller
     * closes it.
     */
    public static Jedis connect(URI uri, Duration timeout) {
        return new Jedis(hostAndPort(uri), clientConfig(uri, timeout));
    }

    private static ConnectionPoolConfig poolConfig() {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setMinIdle(2);
        return pool;
    }

    private static HostAndPort hostAndPort(URI uri) {
        return new HostAndPort(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379);
    }

    private static JedisClientConfig clientConfig(URI uri, Duration timeout) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .ssl("rediss".equalsIgnoreCase(uri.getScheme()))
                // RESP2, which every Redis speaks; left to negotiate, Jedis 8 warns on every new connection
                .protocol(RedisProtocol.RESP2);
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
        return config.build();
    }
}
