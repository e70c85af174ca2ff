package dev.cairn.commons.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.config.PostgresSettings;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.OpenTelemetryDataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Builds the HikariCP pool of a service's PostgreSQL database. */
public final class PostgresDataSources {

    private PostgresDataSources() {
    }

    /**
     * The pool of the service's database as config describes it: {@link PostgresSettings}, plus
     * {@code cairn.postgres.pool-size} (default 10) and {@code cairn.postgres.connection-timeout} (default 3 s), with
     * the pool's metrics ({@link PoolMetrics}) in {@code metrics}.
     */
    public static HikariDataSource fromConfig(Config config, String poolName, MetricRegistry metrics) {
        int poolSize = config.getOptionalValue("cairn.postgres.pool-size", Integer.class).orElse(10);
        Duration timeout = ConfigValues.duration(config, "cairn.postgres.connection-timeout", Duration.ofSeconds(3));
        return new HikariDataSource(configuration(PostgresSettings.fromConfig(config), poolName, poolSize, timeout,
                new PoolMetrics(metrics)));
    }

    /**
     * The service's database as its CDI producer hands it out: the pool of {@link #fromConfig}, migrated to the newest
     * schema ({@link Migrations}, scripts from {@code locations}, retrying the first connection
     * {@code cairn.postgres.connect-retries} times, default 5) before anyone can use it, and {@link #traced}.
     * Migrating here rather than in a startup observer matters because message consumers start before the
     * application's startup observers: on an empty database they would otherwise read tables that do not exist yet.
     */
    public static DataSource migratedAndTraced(Config config, String poolName, MetricRegistry metrics,
                                               OpenTelemetry telemetry, String... locations) {
        HikariDataSource pool = fromConfig(config, poolName, metrics);
        try {
            Migrations.migrate(pool, config.getOptionalValue("cairn.postgres.connect-retries", Integer.class).orElse(5),
                    locations);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return traced(pool, telemetry);
    }

    /**
     * Makes sure the service's database is there before the service takes traffic: for a CDI-produced data source the
     * first use creates it, i.e. migrates it ({@link #migratedAndTraced}), then one connection is borrowed and given
     * back. Startup observers call it so a database that stays unreachable stops the start with a clear error.
     */
    public static void requireReachable(DataSource dataSource) {
        try (Connection ignored = dataSource.getConnection()) {
            // reachable
        } catch (SQLException e) {
            throw new IllegalStateException("The service's PostgreSQL database is unreachable: " + e.getMessage(), e);
        }
    }

    /**
     * {@code pool} with a span for every JDBC statement (and connection borrow), children of the current span, named by
     * the statement's operation and table, with the statement (values replaced by {@code ?}) as {@code db.statement};
     * closing it closes the pool. {@link javax.sql.DataSource#unwrap} still reaches the {@link HikariDataSource}.
     */
    public static DataSource traced(HikariDataSource pool, OpenTelemetry telemetry) {
        return new OpenTelemetryDataSource(pool, telemetry);
    }

    /**
     * A pool that does not connect until first used, so a service starts (and reports not-ready) while the database
     * is still coming up; a borrow waits at most {@code connectionTimeout} before failing with a
     * {@link java.sql.SQLTransientConnectionException} (which Cairn maps to 503).
     *
     * @param settings          where the database is
     * @param poolName          name of the pool in logs and metrics, e.g. {@code users}
     * @param maximumPoolSize   most connections held open
     * @param connectionTimeout longest wait for a connection
     */
    public static HikariDataSource pooled(PostgresSettings settings, String poolName, int maximumPoolSize,
                                          Duration connectionTimeout) {
        return new HikariDataSource(configuration(settings, poolName, maximumPoolSize, connectionTimeout, null));
    }

    private static HikariConfig configuration(PostgresSettings settings, String poolName, int maximumPoolSize,
                                              Duration connectionTimeout, PoolMetrics metrics) {
        HikariConfig config = new HikariConfig();
        if (metrics != null) {
            config.setMetricsTrackerFactory(metrics);
        }
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(maximumPoolSize);
        config.setMinimumIdle(Math.min(2, maximumPoolSize));
        config.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(connectionTimeout.toMillis(), 5_000)));
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        config.addDataSourceProperty("connectTimeout", Math.max(1, connectionTimeout.toSeconds()));
        config.addDataSourceProperty("ApplicationName", "cairn-" + poolName);
        return config;
    }
}
