package dev.cairn.gateway.proxy;

import dev.cairn.commons.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.net.URI;

/**
 * The CLIENT span of one call from the gateway to an upstream instance, a child of the gateway's server span; its
 * {@code traceparent} is what the upstream receives, so the upstream's server span hangs below this call.
 */
final class UpstreamSpan implements AutoCloseable {

    private final Span span;

    private UpstreamSpan(Span span) {
        this.span = span;
    }

    static UpstreamSpan start(Tracer tracer, String method, String pool, URI instance, int attempt) {
        return new UpstreamSpan(tracer.spanBuilder(method + " " + pool)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.method", method)
                .setAttribute("server.address", String.valueOf(instance.getHost()))
                .setAttribute("server.port", (long) instance.getPort())
                .setAttribute("cairn.attempt", (long) attempt)
                .startSpan());
    }

    /** The {@code traceparent} header for the upstream; null when tracing is not set up. */
    String traceparent() {
        return Tracing.traceparentOf(span);
    }

    void status(int status) {
        span.setAttribute("http.status_code", status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR);
        }
    }

    void failed(String reason) {
        span.setStatus(StatusCode.ERROR, reason);
    }

    @Override
    public void close() {
        span.end();
    }
}
