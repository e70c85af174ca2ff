package dev.cairn.commons.logging;

import dev.cairn.commons.config.ConfigurationException;

import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The process-wide log level from {@code cairn.log.level} / {@code CAIRN_LOG_LEVEL} ({@code DEBUG}, {@code INFO},
 * {@code WARN}, {@code ERROR}; what the operator's {@code spec.observability.logLevel} sets), applied to the root
 * logger and its handlers.
 */
public final class LogLevel {

    private LogLevel() {
    }

    /** The JUL level of a Cairn level name. */
    public static Level parse(String name) {
        return switch (name.strip().toUpperCase(Locale.ROOT)) {
            case "DEBUG" -> Level.FINE;
            case "INFO" -> Level.INFO;
            case "WARN", "WARNING" -> Level.WARNING;
            case "ERROR" -> Level.SEVERE;
            default -> throw new ConfigurationException("cairn.log.level (CAIRN_LOG_LEVEL) is '" + name
                    + "'; use DEBUG, INFO, WARN or ERROR");
        };
    }

    /** Sets the root logger and its handlers to {@code level}. */
    public static void apply(Level level) {
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(level);
        }
    }
}
