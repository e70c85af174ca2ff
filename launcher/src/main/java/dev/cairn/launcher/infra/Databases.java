package dev.cairn.launcher.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** Creates PostgreSQL databases that do not exist yet. */
public final class Databases {

    /** The databases of the Cairn services (CONTRACT.md section 2). */
    public static final List<String> CAIRN_DATABASES = List.of("cairn_users", "cairn_orders");

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Databases() {
    }

    /**
     * Creates each database in {@code names} on the server unless it exists.
     *
     * @param serverJdbcUrl JDBC URL of the server, ending in {@code /} (no database)
     * @return the names that were created now
     */
    public static List<String> ensure(String serverJdbcUrl, String user, String password, List<String> names) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        String adminUrl = withDatabase(serverJdbcUrl, "postgres");
        try (Connection connection = DriverManager.getConnection(adminUrl, properties)) {
            java.util.ArrayList<String> created = new java.util.ArrayList<>();
            for (String name : names) {
                if (!SAFE_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("Not a safe database name: " + name);
                }
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + name);
                        created.add(name);
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) { // created concurrently by another process: fine
                            throw e;
                        }
                    }
                }
            }
            return created;
        } catch (SQLException e) {
            throw new InfrastructureException("Could not create the Cairn databases on " + adminUrl + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (var result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    /** The JDBC URL of {@code database} on the server of {@code serverJdbcUrl}. */
    public static String withDatabase(String serverJdbcUrl, String database) {
        String url = serverJdbcUrl;
        int query = url.indexOf('?');
        String parameters = query < 0 ? "" : url.substring(query);
        String base = query < 0 ? url : url.substring(0, query);
        int hostStart = base.indexOf("//") + 2;
        int slash = base.indexOf('/', hostStart);
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + parameters;
    }
}
