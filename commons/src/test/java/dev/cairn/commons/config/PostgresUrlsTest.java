package dev.cairn.commons.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlsTest {

    @Test
    void addsTheServiceDatabaseToAServerUrl() {
        assertThat(PostgresUrls.jdbcUrl("jdbc:postgresql://127.0.0.1:5432/", "cairn_users"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/cairn_users");
    }

    @Test
    void replacesANamedDatabaseAndKeepsParameters() {
        assertThat(PostgresUrls.jdbcUrl("postgresql://app:s3cret@db.internal:6543/other?sslmode=require", "cairn_orders"))
                .isEqualTo("jdbc:postgresql://db.internal:6543/cairn_orders?sslmode=require");
        assertThat(PostgresUrls.userOf("postgresql://app:s3cret@db.internal:6543/other")).contains("app");
        assertThat(PostgresUrls.passwordOf("postgresql://app:s3cret@db.internal:6543/other")).contains("s3cret");
    }

    @Test
    void rejectsANonPostgresUrl() {
        assertThatThrownBy(() -> PostgresUrls.jdbcUrl("mysql://localhost/x", "cairn_users"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CAIRN_POSTGRES_URL");
    }
}
