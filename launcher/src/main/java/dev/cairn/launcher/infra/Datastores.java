package dev.cairn.launcher.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each datastore and broker of a Cairn platform is, in the form the services read
 * (CAIRN_POSTGRES_URL, CAIRN_REDIS_URL, CAIRN_RABBITMQ_URL, CAIRN_MONGO_URI, CAIRN_KAFKA_BOOTSTRAP).
 *
 * @param postgresUrl      JDBC URL of the PostgreSQL server (no database), e.g. {@code jdbc:postgresql://127.0.0.1:5432/}
 * @param postgresUser     PostgreSQL user
 * @param postgresPassword PostgreSQL password (may be empty)
 * @param redisUrl         {@code redis://host:port}
 * @param rabbitmqUrl      {@code amqp://user:pass@host:port}
 * @param mongoUri         {@code mongodb://host:port}
 * @param kafkaBootstrap   {@code host:port[,host:port]}
 */
public record Datastores(String postgresUrl, String postgresUser, String postgresPassword, String redisUrl,
                         String rabbitmqUrl, String mongoUri, String kafkaBootstrap) {

    /** The environment variables that point a Cairn service at these datastores. */
    public Map<String, String> asEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CAIRN_POSTGRES_URL", postgresUrl);
        env.put("CAIRN_POSTGRES_USER", postgresUser);
        env.put("CAIRN_POSTGRES_PASSWORD", postgresPassword);
        env.put("CAIRN_REDIS_URL", redisUrl);
        env.put("CAIRN_RABBITMQ_URL", rabbitmqUrl);
        env.put("CAIRN_MONGO_URI", mongoUri);
        env.put("CAIRN_KAFKA_BOOTSTRAP", kafkaBootstrap);
        return env;
    }
}
