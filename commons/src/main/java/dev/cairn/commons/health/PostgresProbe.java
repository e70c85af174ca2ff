package dev.cairn.commons.health;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;

/** Opens a connection to the service's own database and validates it. */
final class PostgresProbe implements DatastoreProbe {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    PostgresProbe(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String check(Duration timeout) throws Exception {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", Integer.toString(seconds));
        properties.setProperty("socketTimeout", Integer.toString(seconds));
        properties.setProperty("loginTimeout", Integer.toString(seconds));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            return connection.isValid(seconds) ? null : "connection is not valid";
        }
    }
}
