package dev.cairn.commons.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Applies a service's Flyway migrations: its own {@code db/migration} scripts plus Cairn's shared ones
 * ({@code db/outbox}: the transactional outbox table; {@code db/consumer}: the ordered consumers' positions; version
 * 0.x so they come first, and applied out of order on databases created before them).
 */
public final class Migrations {

    /** Where the shared outbox migration lives on the classpath. */
    public static final String OUTBOX_LOCATION = "classpath:db/outbox";
    /** Where the shared per-aggregate consumer positions migration lives (ordered consumers). */
    public static final String CONSUMER_LOCATION = "classpath:db/consumer";
    /** Where each service keeps its own migrations. */
    public static final String SERVICE_LOCATION = "classpath:db/migration";

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    private Migrations() {
    }

    /**
     * Migrates the database to the newest version with the scripts of {@code locations} (a service's own and the
     * shared ones it needs), retrying the first connection {@code connectRetries} times (with Flyway's doubling
     * back-off) so a service can start before its database. The retries come from {@code cairn.postgres.connect-retries}
     * where callers read it.
     *
     * @return how many migrations were applied
     */
    public static int migrate(DataSource dataSource, int connectRetries, String... locations) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .connectRetries(connectRetries)
                .connectRetriesInterval(10)
                // a shared 0.x script added later still runs on databases already past it
                .outOfOrder(true)
                .load();
        MigrateResult result = flyway.migrate();
        var current = flyway.info().current();
        LOG.info(() -> "Database schema at version " + (current == null ? "none" : current.getVersion()) + " ("
                + result.migrationsExecuted + " migrations applied now)");
        return result.migrationsExecuted;
    }
}
