package dev.cairn.commons.logging;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

/**
 * JUL handler that writes {@link JsonLogFormatter} lines to standard output, one flushed line per record, so that
 * container runtimes and {@code cairn up} see every line as soon as it is written. Its level is read from
 * {@code dev.cairn.commons.logging.JsonConsoleHandler.level} (default {@code ALL}).
 */
public class JsonConsoleHandler extends Handler {

    private final PrintStream out;

    public JsonConsoleHandler() {
        this(System.out);
    }

    JsonConsoleHandler(PrintStream out) {
        this.out = out;
        setFormatter(new JsonLogFormatter());
        String level = LogManager.getLogManager().getProperty(getClass().getName() + ".level");
        setLevel(level == null ? Level.ALL : Level.parse(level.trim()));
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("Cannot format log record", e, java.util.logging.ErrorManager.FORMAT_FAILURE);
            return;
        }
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
