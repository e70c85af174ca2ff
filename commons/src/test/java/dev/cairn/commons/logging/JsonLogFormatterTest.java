package dev.cairn.commons.logging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.json.Json;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void writesTraceAndSpanIdOfTheCurrentSpan() throws Exception {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            Span span = tracing.get("test").spanBuilder("request").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                JsonNode line = format(new LogRecord(Level.INFO, "order accepted"));

                assertThat(line.get("traceId").asText()).isEqualTo(span.getSpanContext().getTraceId());
                assertThat(line.get("spanId").asText()).isEqualTo(span.getSpanContext().getSpanId());
            } finally {
                span.end();
            }
        }
    }

    @Test
    void insideASpanAFieldRepeatingItsTraceIdIsNotWrittenTwice() throws Exception {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build()) {
            Span span = tracing.get("test").spanBuilder("request").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                LogRecord record = new LogRecord(Level.INFO, "GET /api/v1/orders 200");
                record.setParameters(new Object[] {LogField.of("traceId", span.getSpanContext().getTraceId()),
                        LogField.of("status", 200)});
                JsonNode line = format(record);

                assertThat(line.get("traceId").asText()).isEqualTo(span.getSpanContext().getTraceId());
                assertThat(line.has("field.traceId")).isFalse();
                assertThat(line.get("status").asInt()).isEqualTo(200);
            } finally {
                span.end();
            }
        }
    }

    @Test
    void outsideASpanATraceIdFieldIsTheLinesTraceId() throws Exception {
        LogRecord record = new LogRecord(Level.INFO, "GET /api/v1/orders 200");
        record.setParameters(new Object[] {LogField.of("traceId", "4bf92f3577b34da6a3ce929d0e0e4736"),
                LogField.of("status", 200)});
        JsonNode line = format(record);
        assertThat(line.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.has("field.traceId")).isFalse();
        assertThat(line.get("status").asInt()).isEqualTo(200);
    }

    @Test
    void writesOneLineWithTheStandardFields() throws Exception {
        LogRecord record = new LogRecord(Level.WARNING, "Stock low for {0}");
        record.setLoggerName("dev.cairn.order");
        record.setParameters(new Object[] {"p-1", LogField.of("available", 2), LogField.of("level", "spoofed")});

        String text = formatter.format(record);
        JsonNode line = Json.mapper().readTree(text);

        assertThat(text.strip()).doesNotContain("\n");
        assertThat(line.get("level").asText()).isEqualTo("WARNING");
        assertThat(line.get("logger").asText()).isEqualTo("dev.cairn.order");
        assertThat(line.get("message").asText()).isEqualTo("Stock low for p-1");
        assertThat(line.get("available").asInt()).isEqualTo(2);
        assertThat(line.get("field.level").asText()).isEqualTo("spoofed");
        assertThat(line.has("time")).isTrue();
        assertThat(line.has("service")).isTrue();
        assertThat(line.has("traceId")).isFalse();
    }

    @Test
    void keepsAStackTraceInsideTheJsonLine() throws Exception {
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setThrown(new IllegalStateException("bad \"quote\"\nnext line"));

        String text = formatter.format(record);
        JsonNode line = Json.mapper().readTree(text);

        assertThat(text.strip().lines()).hasSize(1);
        assertThat(line.get("error").get("type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("error").get("message").asText()).isEqualTo("bad \"quote\"\nnext line");
        assertThat(line.get("error").get("stack").asText()).contains("JsonLogFormatterTest");
    }

    private JsonNode format(LogRecord record) throws Exception {
        return Json.mapper().readTree(formatter.format(record));
    }
}
