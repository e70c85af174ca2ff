package dev.cairn.commons.messaging;

import dev.cairn.commons.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The span of one consumed event: a {@link SpanKind#CONSUMER} child of the producer's span named by the event's
 * {@code traceparent}, current while it is open, so the consumer's log lines carry the producer's trace id.
 */
public final class ConsumerSpan implements AutoCloseable {

    private final Span span;
    private final Scope scope;

    private ConsumerSpan(Span span) {
        this.span = span;
        this.scope = span.makeCurrent();
    }

    /**
     * Opens a span named {@code name} (e.g. {@code "order-service.product-events process"}).
     *
     * @param traceparent the producer's W3C trace context, or {@code null} to start a new trace
     */
    public static ConsumerSpan start(String name, String traceparent) {
        return start(Tracing.tracer(), name, traceparent);
    }

    /** Like {@link #start(String, String)} with a given tracer. */
    public static ConsumerSpan start(Tracer tracer, String name, String traceparent) {
        Span span = tracer.spanBuilder(name)
                .setParent(Tracing.parentOf(traceparent))
                .setSpanKind(SpanKind.CONSUMER)
                .startSpan();
        return new ConsumerSpan(span);
    }

    /** Adds an attribute, e.g. the event type or id. */
    public ConsumerSpan attribute(String key, String value) {
        span.setAttribute(key, value);
        return this;
    }

    /** Marks the span failed. */
    public void failed(Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    }

    @Override
    public void close() {
        scope.close();
        span.end();
    }

    /** The span's context (trace id, span id). */
    public SpanContext context() {
        return span.getSpanContext();
    }
}
