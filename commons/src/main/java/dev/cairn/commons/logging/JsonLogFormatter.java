package dev.cairn.commons.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * Formats each JUL record as one JSON line: {@code time, level, service, logger, thread, traceId, spanId, message},
 * the record's {@link LogField}s, and {@code error} (type, message, stack) when a throwable is attached.
 * <p>
 * The service name comes from the system property {@code cairn.service.name} (set by {@code CairnMain} from config),
 * else the environment variable {@code CAIRN_SERVICE_NAME}. Trace and span ids are those of the current
 * OpenTelemetry span, so every line written while a request is being traced can be joined with its trace.
 */
public class JsonLogFormatter extends Formatter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> RESERVED =
            Set.of("time", "level", "service", "logger", "thread", "traceId", "spanId", "message", "error");

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.ofEpochMilli(record.getMillis()).toString());
            json.writeStringField("level", record.getLevel().getName());
            json.writeStringField("service", serviceName());
            json.writeStringField("logger", record.getLoggerName());
            json.writeStringField("thread", Thread.currentThread().getName());
            var span = TraceContext.current();
            List<Object> messageArguments = new ArrayList<>();
            List<LogField> fields = new ArrayList<>();
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    if (parameter instanceof LogField field) {
                        fields.add(field);
                    } else {
                        messageArguments.add(parameter);
                    }
                }
            }
            if (span.isPresent()) {
                json.writeStringField("traceId", span.get().getTraceId());
                json.writeStringField("spanId", span.get().getSpanId());
                // a field repeating the current span's ids (the gateway's access log) adds nothing
                fields.removeIf(field -> field.name().equals("traceId") && span.get().getTraceId().equals(field.value())
                        || field.name().equals("spanId") && span.get().getSpanId().equals(field.value()));
            } else {
                // outside a span (e.g. the gateway's access log), a traceId field stands in for it
                for (var iterator = fields.iterator(); iterator.hasNext(); ) {
                    LogField field = iterator.next();
                    if (field.name().equals("traceId") || field.name().equals("spanId")) {
                        json.writeStringField(field.name(), String.valueOf(field.value()));
                        iterator.remove();
                    }
                }
            }
            json.writeStringField("message", message(record, messageArguments));
            for (LogField field : fields) {
                String name = RESERVED.contains(field.name()) ? "field." + field.name() : field.name();
                writeValue(json, name, field.value());
            }
            if (record.getThrown() != null) {
                writeError(json, record.getThrown());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static String serviceName() {
        String name = System.getProperty("cairn.service.name");
        if (name == null) {
            name = System.getenv("CAIRN_SERVICE_NAME");
        }
        return name == null ? "cairn" : name;
    }

    private String message(LogRecord record, List<Object> arguments) {
        String message = record.getMessage();
        if (message == null) {
            return "";
        }
        if (record.getResourceBundle() != null) {
            return formatMessage(record);
        }
        if (arguments.isEmpty() || !message.contains("{")) {
            return message;
        }
        try {
            return MessageFormat.format(message, arguments.toArray());
        } catch (IllegalArgumentException notAPattern) {
            return message;
        }
    }

    private static void writeValue(JsonGenerator json, String name, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNullField(name);
            case Integer i -> json.writeNumberField(name, i);
            case Long l -> json.writeNumberField(name, l);
            case Double d -> json.writeNumberField(name, d);
            case Float f -> json.writeNumberField(name, f);
            case java.math.BigDecimal b -> json.writeNumberField(name, b);
            case Boolean b -> json.writeBooleanField(name, b);
            default -> json.writeStringField(name, String.valueOf(value));
        }
    }

    private static void writeError(JsonGenerator json, Throwable thrown) throws IOException {
        json.writeObjectFieldStart("error");
        json.writeStringField("type", thrown.getClass().getName());
        if (thrown.getMessage() != null) {
            json.writeStringField("message", thrown.getMessage());
        }
        StringWriter stack = new StringWriter();
        thrown.printStackTrace(new PrintWriter(stack));
        json.writeStringField("stack", stack.toString());
        json.writeEndObject();
    }
}
