package dev.cairn.launcher.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;

/**
 * PostgreSQL run from the zonky binaries, for machines without a PostgreSQL installation. PostgreSQL refuses to run
 * as root, so on a root account this fails with an explanation instead.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code port} keeping its data in {@code dataDirectory} between runs.
     *
     * @throws InfrastructureException when it cannot start (e.g. running as root)
     */
    public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new InfrastructureException("PostgreSQL is not installed and the embedded one cannot run as root. "
                    + "Install it (apt-get install postgresql) or set CAIRN_POSTGRES_URL to a running server.");
        }
        try {
            return new EmbeddedPostgresServer(EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start());
        } catch (IOException e) {
            throw new InfrastructureException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
