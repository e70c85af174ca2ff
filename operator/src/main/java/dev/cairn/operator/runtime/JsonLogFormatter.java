package dev.cairn.operator.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code time, level, logger, thread, message}, the entries of a {@link Map} passed as
 * the record's parameter as {@code fields}, and {@code error} (type, message, stack) for a throwable.
 */
public final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
        field(json, "level", record.getLevel().getName()).append(',');
        field(json, "logger", record.getLoggerName()).append(',');
        field(json, "thread", Thread.currentThread().getName()).append(',');
        field(json, "message", formatMessage(record));
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof Map<?, ?> fields) {
            json.append(",\"fields\":{");
            boolean first = true;
            for (Map.Entry<?, ?> entry : fields.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                quote(json, String.valueOf(entry.getKey())).append(':');
                Object value = entry.getValue();
                if (value instanceof Number || value instanceof Boolean) {
                    json.append(value);
                } else {
                    quote(json, String.valueOf(value));
                }
            }
            json.append('}');
        }
        if (record.getThrown() != null) {
            Throwable thrown = record.getThrown();
            StringWriter stack = new StringWriter();
            thrown.printStackTrace(new PrintWriter(stack));
            json.append(",\"error\":{");
            field(json, "type", thrown.getClass().getName()).append(',');
            field(json, "message", String.valueOf(thrown.getMessage())).append(',');
            field(json, "stack", stack.toString()).append('}');
        }
        return json.append("}\n").toString();
    }

    @Override
    public String formatMessage(LogRecord record) {
        // Parameters carry structured fields, not MessageFormat arguments.
        Object[] parameters = record.getParameters();
        if (parameters != null && parameters.length == 1 && parameters[0] instanceof Map) {
            return record.getMessage();
        }
        return super.formatMessage(record);
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        quote(json, name).append(':');
        return quote(json, value);
    }

    static StringBuilder quote(StringBuilder json, String value) {
        json.append('"');
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
        }
        return json.append('"');
    }
}
