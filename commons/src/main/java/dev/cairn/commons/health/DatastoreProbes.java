package dev.cairn.commons.health;

import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.config.ConfigurationException;
import dev.cairn.commons.config.PostgresSettings;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the probes a process needs from config. Only the datastores named in {@code cairn.readiness.datastores}
 * (and {@code cairn.readiness.optional}) are touched, so a service never loads a driver it does not ship.
 */
public final class DatastoreProbes {

    /** The datastore kinds a probe exists for. */
    public static final List<String> KINDS = List.of("postgres", "redis", "rabbitmq", "mongo", "kafka");

    private static final Map<String, String> URL_KEYS = Map.of("postgres", "cairn.postgres.url", "redis", "cairn.redis.url",
            "rabbitmq", "cairn.rabbitmq.url", "mongo", "cairn.mongo.uri", "kafka", "cairn.kafka.bootstrap");

    private DatastoreProbes() {
    }

    /** The probes for the comma-separated datastore kinds in config key {@code listKey}. */
    public static List<DatastoreProbe> fromConfig(Config config, String listKey) {
        return fromConfig(config, listKey, false);
    }

    /**
     * Like {@link #fromConfig(Config, String)}; with {@code skipUnconfigured}, a kind whose URL is not set is left out
     * instead of failing (an optional datastore a deployment does without, e.g. the gateway without Redis).
     */
    public static List<DatastoreProbe> fromConfig(Config config, String listKey, boolean skipUnconfigured) {
        List<DatastoreProbe> probes = new ArrayList<>();
        for (String kind : ConfigValues.list(config, listKey)) {
            String normalized = kind.toLowerCase(Locale.ROOT);
            if (skipUnconfigured && URL_KEYS.containsKey(normalized) && config.getOptionalValue(URL_KEYS.get(normalized),
                    String.class).filter(value -> !value.isBlank()).isEmpty()) {
                continue;
            }
            probes.add(create(config, normalized, listKey));
        }
        return probes;
    }

    private static DatastoreProbe create(Config config, String kind, String listKey) {
        return switch (kind) {
            case "postgres" -> {
                PostgresSettings postgres = PostgresSettings.fromConfig(config);
                yield new PostgresProbe(postgres.jdbcUrl(), postgres.user(), postgres.password());
            }
            case "redis" -> new RedisProbe(ConfigValues.requireUri(config, "cairn.redis.url",
                    "set it to e.g. redis://127.0.0.1:6379", "redis", "rediss"));
            case "rabbitmq" -> new RabbitMqProbe(ConfigValues.requireUri(config, "cairn.rabbitmq.url",
                    "set it to e.g. amqp://guest:guest@127.0.0.1:5672", "amqp", "amqps"));
            case "mongo" -> new MongoProbe(ConfigValues.requireUri(config, "cairn.mongo.uri",
                    "set it to e.g. mongodb://127.0.0.1:27017", "mongodb", "mongodb+srv").toString());
            case "kafka" -> new KafkaProbe(ConfigValues.require(config, "cairn.kafka.bootstrap",
                    "set it to the bootstrap servers, e.g. 127.0.0.1:9092"));
            default -> throw new ConfigurationException("Configuration '" + listKey + "' names '" + kind
                    + "', which is not a datastore Cairn knows: use any of " + KINDS);
        };
    }
}
