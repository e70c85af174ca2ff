package dev.cairn.commons.config;

import java.net.URI;
import java.util.Locale;

/**
 * Turns {@code CAIRN_POSTGRES_URL} into the JDBC URL of one service's database. The URL names the server
 * ({@code jdbc:postgresql://host:5432/} or {@code postgresql://user:pass@host:5432}); each service adds its own
 * database ({@code cairn_users}, {@code cairn_orders}), replacing any database the URL names.
 */
public final class PostgresUrls {

    private PostgresUrls() {
    }

    /**
     * The JDBC URL of {@code database} on the server {@code serverUrl}; query parameters are kept.
     *
     * @throws ConfigurationException when the URL is not a PostgreSQL URL
     */
    public static String jdbcUrl(String serverUrl, String database) {
        String text = serverUrl.trim();
        if (text.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("cairn.postgres.url (CAIRN_POSTGRES_URL) = '" + serverUrl
                    + "' is not a URL: use jdbc:postgresql://host:5432/", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new ConfigurationException("cairn.postgres.url (CAIRN_POSTGRES_URL) = '" + serverUrl
                    + "' is not a PostgreSQL URL: use jdbc:postgresql://host:5432/");
        }
        if (uri.getHost() == null) {
            throw new ConfigurationException("cairn.postgres.url (CAIRN_POSTGRES_URL) = '" + serverUrl
                    + "' names no host: use jdbc:postgresql://host:5432/");
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getHost() + port + "/" + database + query;
    }

    /** The user named in a {@code postgresql://user:pass@host} URL, if any. */
    public static java.util.Optional<String> userOf(String serverUrl) {
        return userInfo(serverUrl).map(info -> info.split(":", 2)[0]);
    }

    /** The password named in a {@code postgresql://user:pass@host} URL, if any. */
    public static java.util.Optional<String> passwordOf(String serverUrl) {
        return userInfo(serverUrl).filter(info -> info.contains(":")).map(info -> info.split(":", 2)[1]);
    }

    private static java.util.Optional<String> userInfo(String serverUrl) {
        String text = serverUrl.trim();
        if (text.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        try {
            return java.util.Optional.ofNullable(URI.create(text).getUserInfo());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
