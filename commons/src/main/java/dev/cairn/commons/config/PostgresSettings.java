package dev.cairn.commons.config;

import org.eclipse.microprofile.config.Config;

/**
 * Where a service's PostgreSQL database is and how to log in, from {@code cairn.postgres.url} (the server),
 * {@code cairn.postgres.database} (the service's own database) and optional {@code cairn.postgres.user} /
 * {@code cairn.postgres.password} (else taken from the URL, else {@code postgres} with no password).
 *
 * @param jdbcUrl  JDBC URL of the service's database
 * @param user     user name
 * @param password password, empty when none
 */
public record PostgresSettings(String jdbcUrl, String user, String password) {

    /** Reads the settings, failing fast with a message that names the missing key. */
    public static PostgresSettings fromConfig(Config config) {
        String server = ConfigValues.require(config, "cairn.postgres.url",
                "set it to the PostgreSQL server, e.g. jdbc:postgresql://127.0.0.1:5432/");
        String database = ConfigValues.require(config, "cairn.postgres.database",
                "set the service's database name, e.g. cairn_users");
        String user = config.getOptionalValue("cairn.postgres.user", String.class)
                .or(() -> PostgresUrls.userOf(server)).orElse("postgres");
        String password = config.getOptionalValue("cairn.postgres.password", String.class)
                .or(() -> PostgresUrls.passwordOf(server)).orElse("");
        return new PostgresSettings(PostgresUrls.jdbcUrl(server, database), user, password);
    }

    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
