package dev.cairn.commons.config;

import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of MicroProfile Config values that fail fast, with a message that names the key, the environment
 * variable that overrides it and what to do about it.
 */
public final class ConfigValues {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m|h|d)$");

    private ConfigValues() {
    }

    /** The environment variable that overrides a config key under MP Config's rules: {@code cairn.redis.url} → {@code CAIRN_REDIS_URL}. */
    public static String envNameOf(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** A required, non-blank value. */
    public static String require(Config config, String key, String fix) {
        return config.getOptionalValue(key, String.class)
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new ConfigurationException(
                        "Missing configuration '" + key + "' (environment variable " + envNameOf(key) + "): " + fix));
    }

    /** A required URI whose scheme is one of {@code schemes}. */
    public static URI requireUri(Config config, String key, String fix, String... schemes) {
        String value = require(config, key, fix);
        return parseUri(key, value, fix, schemes);
    }

    /** Parses {@code value} of {@code key} as a URI with one of the given schemes. */
    public static URI parseUri(String key, String value, String fix, String... schemes) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, "is not a valid URI", fix, e);
        }
        Set<String> allowed = Set.of(schemes);
        if (!allowed.isEmpty() && (uri.getScheme() == null || !allowed.contains(uri.getScheme().toLowerCase(Locale.ROOT)))) {
            throw invalid(key, value, "must use one of the schemes " + Arrays.toString(schemes), fix, null);
        }
        return uri;
    }

    /**
     * A duration: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 7d}, or ISO-8601 ({@code PT10S}).
     * Returns {@code defaultValue} when the key is not set.
     */
    public static Duration duration(Config config, String key, Duration defaultValue) {
        return config.getOptionalValue(key, String.class)
                .map(value -> parseDuration(key, value))
                .orElse(defaultValue);
    }

    /** Parses a duration value of {@code key} (see {@link #duration}). */
    public static Duration parseDuration(String key, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(text);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw invalid(key, value, "is not a duration", "use e.g. 500ms, 10s, 5m, 1h, 7d or PT10S", e);
        }
    }

    /** A comma-separated list (blank entries dropped); empty when the key is not set. */
    public static List<String> list(Config config, String key) {
        return config.getOptionalValue(key, String.class)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static ConfigurationException invalid(String key, String value, String problem, String fix, Throwable cause) {
        return new ConfigurationException("Configuration '" + key + "' (environment variable " + envNameOf(key)
                + ") = '" + value + "' " + problem + ": " + fix, cause);
    }
}
