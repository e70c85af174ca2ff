package dev.cairn.testsupport;

import dev.cairn.launcher.infra.Databases;
import dev.cairn.launcher.infra.EmbeddedKafka;
import dev.cairn.launcher.infra.EmbeddedMongo;
import dev.cairn.launcher.infra.EmbeddedPostgresServer;
import dev.cairn.launcher.infra.EmbeddedRedisServer;
import dev.cairn.launcher.infra.InfrastructureException;
import dev.cairn.launcher.infra.LocalInfrastructure;
import dev.cairn.launcher.infra.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The one place every Cairn test gets its datastores from. For each datastore, in this order:
 * <ol>
 *   <li>an explicit environment variable ({@code CAIRN_POSTGRES_URL}, {@code CAIRN_REDIS_URL},
 *       {@code CAIRN_RABBITMQ_URL}, {@code CAIRN_MONGO_URI}, {@code CAIRN_KAFKA_BOOTSTRAP});</li>
 *   <li>the service already listening on its standard local port;</li>
 *   <li>a Testcontainers container, when Docker is available;</li>
 *   <li>an in-process stand-in: embedded PostgreSQL / Redis, mongo-java-server, a KRaft Kafka broker.
 *       RabbitMQ has none: without it a test that needs it fails with the install command.</li>
 * </ol>
 * Resolution is lazy (a test that needs no Kafka starts none) and happens once per JVM; whatever was started is
 * stopped when the JVM exits.
 */
public final class TestInfrastructure {

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class.getName());
    private static final Map<String, String> RESOLVED = new ConcurrentHashMap<>();
    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static volatile Boolean dockerAvailable;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "cairn-test-infra-stop"));
    }

    private TestInfrastructure() {
    }

    /** JDBC URL of the PostgreSQL server (no database); the Cairn databases exist on it. */
    public static String postgresUrl() {
        return RESOLVED.computeIfAbsent("postgres", key -> {
            String url = resolve("CAIRN_POSTGRES_URL", 5432, "jdbc:postgresql://127.0.0.1:5432/",
                    () -> {
                        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine")
                                .withUsername("postgres").withPassword("postgres");
                        container.start();
                        STARTED.add(container);
                        System.setProperty("cairn.test.postgres.password", "postgres");
                        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/";
                    },
                    () -> {
                        try {
                            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Ports.freePort(),
                                    Files.createTempDirectory("cairn-test-postgres"));
                            STARTED.add(server);
                            return server.jdbcUrl();
                        } catch (java.io.IOException e) {
                            throw new InfrastructureException("No temporary directory for PostgreSQL", e);
                        }
                    });
            Databases.ensure(url, postgresUser(), postgresPassword(), Databases.CAIRN_DATABASES);
            return url;
        });
    }

    public static String postgresUser() {
        return env("CAIRN_POSTGRES_USER", "postgres");
    }

    public static String postgresPassword() {
        return env("CAIRN_POSTGRES_PASSWORD", System.getProperty("cairn.test.postgres.password", ""));
    }

    /** {@code redis://host:port} of a Redis server. */
    public static String redisUrl() {
        return RESOLVED.computeIfAbsent("redis", key -> resolve("CAIRN_REDIS_URL", 6379, "redis://127.0.0.1:6379",
                () -> {
                    GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
                    container.start();
                    STARTED.add(container);
                    return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
                },
                () -> {
                    EmbeddedRedisServer server = EmbeddedRedisServer.start(Ports.freePort());
                    STARTED.add(server);
                    return server.url();
                }));
    }

    /** {@code amqp://user:pass@host:port} of a RabbitMQ broker. */
    public static String rabbitmqUrl() {
        return RESOLVED.computeIfAbsent("rabbitmq", key -> resolve("CAIRN_RABBITMQ_URL", 5672,
                "amqp://guest:guest@127.0.0.1:5672",
                () -> {
                    RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-management-alpine");
                    container.start();
                    STARTED.add(container);
                    return container.getAmqpUrl().replace("amqp://", "amqp://guest:guest@");
                },
                () -> {
                    throw new InfrastructureException("This test needs RabbitMQ: install it (apt-get install "
                            + "rabbitmq-server, then rabbitmq-server -detached), run Docker, or set CAIRN_RABBITMQ_URL.");
                }));
    }

    /** {@code mongodb://host:port} of a MongoDB (or the in-process MongoDB-wire server). */
    public static String mongoUri() {
        return RESOLVED.computeIfAbsent("mongo", key -> resolve("CAIRN_MONGO_URI", 27017, "mongodb://127.0.0.1:27017",
                () -> {
                    MongoDBContainer container = new MongoDBContainer("mongo:7");
                    container.start();
                    STARTED.add(container);
                    return container.getConnectionString();
                },
                () -> {
                    EmbeddedMongo server = EmbeddedMongo.start(0);
                    STARTED.add(server);
                    return server.uri();
                }));
    }

    /** Bootstrap servers of a Kafka cluster (or the in-process KRaft broker). */
    public static String kafkaBootstrap() {
        return RESOLVED.computeIfAbsent("kafka", key -> resolve("CAIRN_KAFKA_BOOTSTRAP", 9092, "127.0.0.1:9092",
                () -> {
                    KafkaContainer container = new KafkaContainer("apache/kafka:4.1.0");
                    container.start();
                    STARTED.add(container);
                    return container.getBootstrapServers();
                },
                () -> {
                    EmbeddedKafka broker = EmbeddedKafka.start();
                    STARTED.add(broker);
                    return broker.bootstrapServers();
                }));
    }

    private static String resolve(String variable, int localPort, String localUrl, Supplier<String> container,
                                  Supplier<String> inProcess) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            LOG.info(() -> variable + ": using the given " + LocalInfrastructure.redact(given));
            return given;
        }
        if (Ports.isListening("127.0.0.1", localPort)) {
            LOG.info(() -> variable + ": using the local server on port " + localPort);
            return localUrl;
        }
        if (isDockerAvailable()) {
            LOG.info(() -> variable + ": starting a Testcontainers container");
            return container.get();
        }
        LOG.info(() -> variable + ": starting an in-process stand-in");
        return inProcess.get();
    }

    private static boolean isDockerAvailable() {
        if (dockerAvailable == null) {
            boolean available;
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
            }
            dockerAvailable = available;
        }
        return dockerAvailable;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static synchronized void stopAll() {
        for (int i = STARTED.size() - 1; i >= 0; i--) {
            try {
                STARTED.get(i).close();
            } catch (Exception ignored) {
                // the JVM is exiting; nothing else to do
            }
        }
    }
}
