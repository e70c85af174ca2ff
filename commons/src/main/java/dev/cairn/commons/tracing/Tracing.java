package dev.cairn.commons.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.spi.CDI;

import java.util.Map;

/**
 * The process's OpenTelemetry tracer for spans Cairn opens itself (gateway hops, saga steps, event consumers), and W3C
 * {@code traceparent} conversions. The tracer is the one Helidon's telemetry set up from config (see
 * {@link TelemetryConfigSource}), so these spans share its exporter with the JAX-RS server and client spans.
 */
public final class Tracing {

    private static final String INSTRUMENTATION = "dev.cairn";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Tracing() {
    }

    /**
     * The tracer Helidon's telemetry produces for the running CDI container; a no-op tracer outside one. (Not Helidon's
     * {@code Tracer.global()}: that one is fixed by its first use, which may come before telemetry is set up.)
     */
    public static Tracer tracer() {
        try {
            return CDI.current().select(Tracer.class).get();
        } catch (RuntimeException noContainer) {
            return OpenTelemetry.noop().getTracer(INSTRUMENTATION);
        }
    }

    /** The context whose parent is the span named by {@code traceparent}; the root context when it is null or bad. */
    public static Context parentOf(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of("traceparent", traceparent.strip()), MAP_GETTER);
    }

    /** The W3C {@code traceparent} naming {@code span}, or null when the span is not valid (no-op tracing). */
    public static String traceparentOf(Span span) {
        SpanContext context = span.getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
