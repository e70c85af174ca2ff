package dev.cairn.launcher.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds or starts every datastore `cairn up` needs, in this order for each: the URL given in the environment; the
 * service already running locally; the locally installed service, started now; an embedded one (PostgreSQL, Redis,
 * MongoDB-wire, Kafka). RabbitMQ has no embedded form: without it this fails with the install command.
 * Embedded servers live as long as this object.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, String> environment;
    private final Path dataDirectory;
    private final Consumer<String> report;
    private final List<AutoCloseable> embedded = new ArrayList<>();

    /**
     * @param environment   where CAIRN_* URLs are looked up (normally System.getenv())
     * @param dataDirectory where embedded servers keep data between runs
     * @param report        receives one line per decision, for the user
     */
    public LocalInfrastructure(Map<String, String> environment, Path dataDirectory, Consumer<String> report) {
        this.environment = environment;
        this.dataDirectory = dataDirectory;
        this.report = report;
    }

    /** Resolves all datastores and creates the Cairn databases. */
    public Datastores provide() {
        String postgres = postgres();
        String postgresUser = environment.getOrDefault("CAIRN_POSTGRES_USER", "postgres");
        String postgresPassword = environment.getOrDefault("CAIRN_POSTGRES_PASSWORD", "");
        List<String> created = Databases.ensure(postgres, postgresUser, postgresPassword, Databases.CAIRN_DATABASES);
        if (!created.isEmpty()) {
            report.accept("created databases " + String.join(", ", created));
        }
        return new Datastores(postgres, postgresUser, postgresPassword, redis(), rabbitmq(), mongo(), kafka());
    }

    private String postgres() {
        String given = environment.get("CAIRN_POSTGRES_URL");
        if (given != null && !given.isBlank()) {
            report.accept("postgres  " + given + " (from CAIRN_POSTGRES_URL)");
            return given;
        }
        if (ensureLocal(LocalService.POSTGRES)) {
            return "jdbc:postgresql://127.0.0.1:5432/";
        }
        int port = Ports.isListening("127.0.0.1", 5432) ? Ports.freePort() : 5432;
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(port, dataDirectory.resolve("postgres"));
        embedded.add(server);
        report.accept("postgres  " + server.jdbcUrl() + " (embedded: PostgreSQL is not installed)");
        return server.jdbcUrl();
    }

    private String redis() {
        String given = environment.get("CAIRN_REDIS_URL");
        if (given != null && !given.isBlank()) {
            report.accept("redis     " + given + " (from CAIRN_REDIS_URL)");
            return given;
        }
        if (ensureLocal(LocalService.REDIS)) {
            return "redis://127.0.0.1:6379";
        }
        EmbeddedRedisServer server = EmbeddedRedisServer.start(Ports.freePort());
        embedded.add(server);
        report.accept("redis     " + server.url() + " (embedded: Redis is not installed)");
        return server.url();
    }

    private String rabbitmq() {
        String given = environment.get("CAIRN_RABBITMQ_URL");
        if (given != null && !given.isBlank()) {
            report.accept("rabbitmq  " + redact(given) + " (from CAIRN_RABBITMQ_URL)");
            return given;
        }
        if (ensureLocal(LocalService.RABBITMQ)) {
            return "amqp://guest:guest@127.0.0.1:5672";
        }
        throw new InfrastructureException("RabbitMQ is not installed and has no embedded form. Install it ("
                + LocalService.RABBITMQ.installHint() + ") or set CAIRN_RABBITMQ_URL to a running broker.");
    }

    private String mongo() {
        String given = environment.get("CAIRN_MONGO_URI");
        if (given != null && !given.isBlank()) {
            report.accept("mongo     " + redact(given) + " (from CAIRN_MONGO_URI)");
            return given;
        }
        EmbeddedMongo server = EmbeddedMongo.start(0);
        embedded.add(server);
        report.accept("mongo     " + server.uri() + " (embedded MongoDB-wire server, in memory)");
        return server.uri();
    }

    private String kafka() {
        String given = environment.get("CAIRN_KAFKA_BOOTSTRAP");
        if (given != null && !given.isBlank()) {
            report.accept("kafka     " + given + " (from CAIRN_KAFKA_BOOTSTRAP)");
            return given;
        }
        EmbeddedKafka broker = EmbeddedKafka.start();
        embedded.add(broker);
        report.accept("kafka     " + broker.bootstrapServers() + " (in-process KRaft broker)");
        return broker.bootstrapServers();
    }

    /** True when the local service runs (started now if it was installed but stopped); false when not installed. */
    private boolean ensureLocal(LocalService service) {
        String name = String.format("%-9s ", service.name().toLowerCase(java.util.Locale.ROOT));
        if (service.isRunning()) {
            report.accept(name + "127.0.0.1:" + service.port() + " (local, running)");
            return true;
        }
        if (service.isInstalled()) {
            report.accept(name + "installed but not running: starting it");
            service.start(START_TIMEOUT);
            report.accept(name + "127.0.0.1:" + service.port() + " (local, started now)");
            return true;
        }
        return false;
    }

    /** The URL with any password replaced by {@code ***}, for logs and state files. */
    public static String redact(String url) {
        return url.replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public void close() {
        for (int i = embedded.size() - 1; i >= 0; i--) {
            try {
                embedded.get(i).close();
            } catch (Exception e) {
                report.accept("could not stop " + embedded.get(i).getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        embedded.clear();
    }
}
