package dev.cairn.user.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.commons.persistence.Migrations;
import dev.cairn.commons.persistence.PostgresDataSources;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import javax.sql.DataSource;
import java.sql.SQLException;


/**
 * The pooled connection to {@code cairn_users}. The persistence unit finds it by name ({@code jta-data-source users})
 * and Helidon enlists it in JTA transactions.
 */
@ApplicationScoped
public class UsersDataSource {

    /** Name of the data source and of the persistence unit. */
    public static final String NAME = "users";

    @Produces
    @Named(NAME)
    @ApplicationScoped
    DataSource dataSource(Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics,
                          OpenTelemetry telemetry) {
        return PostgresDataSources.migratedAndTraced(config, NAME, metrics, telemetry,
                Migrations.OUTBOX_LOCATION, Migrations.CONSUMER_LOCATION, Migrations.SERVICE_LOCATION);
    }

    void close(@Disposes @Named(NAME) DataSource dataSource) throws SQLException {
        dataSource.unwrap(HikariDataSource.class).close();
    }
}
