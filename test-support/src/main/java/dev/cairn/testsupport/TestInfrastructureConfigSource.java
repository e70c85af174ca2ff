package dev.cairn.testsupport;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Points every MicroProfile application started inside a test JVM (e.g. by {@code @HelidonTest}) at the datastores
 * {@link TestInfrastructure} resolves. Values are resolved only when read, so a service that needs no Kafka starts
 * none. Services that verify tokens trust {@link TestTokens#shared()} ({@code cairn.auth.jwks-url}). Ordinal 500: above environment variables, below system properties set by a test.
 */
public class TestInfrastructureConfigSource implements ConfigSource {

    private static final Map<String, Supplier<String>> VALUES = Map.of(
            "cairn.postgres.url", TestInfrastructure::postgresUrl,
            "cairn.postgres.user", TestInfrastructure::postgresUser,
            "cairn.postgres.password", TestInfrastructure::postgresPassword,
            "cairn.redis.url", TestInfrastructure::redisUrl,
            "cairn.rabbitmq.url", TestInfrastructure::rabbitmqUrl,
            "cairn.mongo.uri", TestInfrastructure::mongoUri,
            "cairn.kafka.bootstrap", TestInfrastructure::kafkaBootstrap,
            "cairn.auth.jwks-url", TestTokens::sharedJwksFile);

    @Override
    public Set<String> getPropertyNames() {
        return VALUES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        Supplier<String> value = VALUES.get(propertyName);
        return value == null ? null : value.get();
    }

    @Override
    public String getName() {
        return "cairn-test-infrastructure";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
