package dev.cairn.analytics.store;

import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.redis.RedisClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import redis.clients.jedis.RedisClient;

import java.time.Duration;

/**
 * Builds the {@link AnalyticsStore} from {@code cairn.redis.url} and {@code cairn.analytics.key-prefix} (default
 * {@code cairn:analytics:}; several platforms can share one Redis under different prefixes).
 */
@ApplicationScoped
public class AnalyticsStoreProducer {

    private RedisClient redis;

    @Produces
    @Singleton
    AnalyticsStore store(Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        redis = RedisClients.create(ConfigValues.requireUri(config, "cairn.redis.url",
                "set it to e.g. redis://127.0.0.1:6379", "redis", "rediss"), Duration.ofSeconds(2), metrics, "analytics");
        return new AnalyticsStore(redis, config.getOptionalValue("cairn.analytics.key-prefix", String.class)
                .orElse("cairn:analytics:"));
    }

    void close(@Disposes AnalyticsStore store) {
        if (redis != null) {
            redis.close();
        }
    }
}
