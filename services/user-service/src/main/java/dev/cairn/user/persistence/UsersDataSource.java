package dev.cairn.user.persistence;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.config.PostgresSettings;
import dev.cairn.commons.persistence.PostgresDataSources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;

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
    HikariDataSource dataSource(Config config) {
        int poolSize = config.getOptionalValue("cairn.postgres.pool-size", Integer.class).orElse(10);
        Duration timeout = ConfigValues.duration(config, "cairn.postgres.connection-timeout", Duration.ofSeconds(3));
        return PostgresDataSources.pooled(PostgresSettings.fromConfig(config), NAME, poolSize, timeout);
    }

    void close(@Disposes @Named(NAME) HikariDataSource dataSource) {
        dataSource.close();
    }
}
