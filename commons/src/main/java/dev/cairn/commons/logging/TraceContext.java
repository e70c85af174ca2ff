package dev.cairn.commons.logging;

import dev.cairn.commons.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the current trace and span id (OpenTelemetry) and parses W3C {@code traceparent} headers. */
public final class TraceContext {

    private static final Pattern TRACEPARENT =
            Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");

    private TraceContext() {
    }

    /** The span context of the current OpenTelemetry span, if one is active and valid. */
    public static Optional<SpanContext> current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }

    /** Trace id of the current span, if any. */
    public static Optional<String> currentTraceId() {
        return current().map(SpanContext::getTraceId);
    }

    /** The current span as a W3C {@code traceparent} value, to carry the trace into an event; null when none. */
    public static String currentTraceparent() {
        return Tracing.traceparentOf(Span.current());
    }

    /** Trace id carried by a W3C {@code traceparent} header value, if it is well-formed. */
    public static Optional<String> traceIdOf(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var matcher = TRACEPARENT.matcher(traceparent.trim());
        if (!matcher.matches() || matcher.group(1).chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1));
    }
}
