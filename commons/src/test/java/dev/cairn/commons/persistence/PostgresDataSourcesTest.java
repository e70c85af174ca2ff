package dev.cairn.commons.persistence;

import dev.cairn.commons.config.TestConfigs;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestInfrastructure;
import io.opentelemetry.api.OpenTelemetry;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDataSourcesTest {

    /** Refuses every meter, as Helidon's registry does while CDI is still starting. */
    private static final MetricRegistry NOT_READY = (MetricRegistry) Proxy.newProxyInstance(
            PostgresDataSourcesTest.class.getClassLoader(), new Class<?>[] {MetricRegistry.class},
            (proxy, method, args) -> {
                throw new NullPointerException("registry not initialised");
            });

    @Test
    void theDataSourceAServiceGetsIsAlreadyMigrated() throws Exception {
        String databaseUrl = TestDatabases.createUnique("migrated");
        String database = databaseUrl.replaceAll("\\?.*", "").substring(databaseUrl.replaceAll("\\?.*", "").lastIndexOf('/') + 1);

        DataSource dataSource = PostgresDataSources.migratedAndTraced(config(TestInfrastructure.postgresUrl(), database),
                "migrated", NOT_READY, OpenTelemetry.noop(), Migrations.CONSUMER_LOCATION);
        try (Connection connection = dataSource.getConnection();
             ResultSet table = connection.getMetaData().getTables(null, "public", "cairn_consumer_positions", null)) {
            assertThat(table.next()).as("the consumers' table exists before the first use").isTrue();
            PostgresDataSources.requireReachable(dataSource);
        } finally {
            ((AutoCloseable) dataSource).close();
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheDataSourceAndTheStartupCheckClearly() {
        Config config = config("jdbc:postgresql://127.0.0.1:1/", "nowhere");

        assertThatThrownBy(() -> PostgresDataSources.migratedAndTraced(config, "nowhere", NOT_READY,
                OpenTelemetry.noop(), Migrations.CONSUMER_LOCATION))
                .hasMessageContaining("127.0.0.1:1");
        try (var pool = PostgresDataSources.fromConfig(config, "nowhere", NOT_READY)) {
            assertThatThrownBy(() -> PostgresDataSources.requireReachable(pool))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The service's PostgreSQL database is unreachable");
        }
    }

    private static Config config(String server, String database) {
        Map<String, String> values = new HashMap<>(Map.of("cairn.postgres.url", server,
                "cairn.postgres.database", database,
                "cairn.postgres.user", TestInfrastructure.postgresUser(),
                "cairn.postgres.connect-retries", "0",
                "cairn.postgres.connection-timeout", "500ms"));
        if (!TestInfrastructure.postgresPassword().isEmpty()) {
            values.put("cairn.postgres.password", TestInfrastructure.postgresPassword());
        }
        return TestConfigs.of(values);
    }
}
