package dev.cairn.analytics;

import dev.cairn.testsupport.TcpProxy;
import dev.cairn.testsupport.TestInfrastructure;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Gives each test JVM its own Kafka topic, consumer group and Redis key prefix (so runs never count each other's
 * events), and reaches Redis through {@link #redisProxy()}, which outage tests cut.
 */
public class AnalyticsTestConfigSource implements ConfigSource {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static TcpProxy redisProxy;

    private static final Map<String, String> VALUES = Map.of(
            "cairn.analytics.topic", "cairn.analytics.test-" + RUN,
            "cairn.analytics.group", "analytics-test-" + RUN,
            "cairn.analytics.key-prefix", "test:analytics:" + RUN + ":");

    /** The topic the service under test consumes. */
    public static String topic() {
        return VALUES.get("cairn.analytics.topic");
    }

    /** The proxy between the service and Redis. */
    public static synchronized TcpProxy redisProxy() {
        if (redisProxy == null) {
            URI redis = URI.create(TestInfrastructure.redisUrl());
            redisProxy = new TcpProxy(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379);
        }
        return redisProxy;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of("cairn.analytics.topic", "cairn.analytics.group", "cairn.analytics.key-prefix", "cairn.redis.url");
    }

    @Override
    public String getValue(String propertyName) {
        if ("cairn.redis.url".equals(propertyName)) {
            return "redis://127.0.0.1:" + redisProxy().port();
        }
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "analytics-service-test";
    }

    @Override
    public int getOrdinal() {
        return 550;
    }
}
