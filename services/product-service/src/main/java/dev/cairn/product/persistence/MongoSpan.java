package dev.cairn.product.persistence;

import com.mongodb.reactivestreams.client.AggregatePublisher;
import com.mongodb.reactivestreams.client.DistinctPublisher;
import com.mongodb.reactivestreams.client.FindPublisher;
import com.mongodb.reactivestreams.client.ListIndexesPublisher;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import org.reactivestreams.Publisher;

/**
 * The CLIENT span of one MongoDB operation, from subscribing to the driver's publisher to its last element or error,
 * a child of the span current when it was subscribed (the request's or the consumer's). The reactive driver runs
 * commands on its own threads, outside that context, so the span is opened here rather than in a command listener.
 */
final class MongoSpan {

    private final Span span;

    private MongoSpan(Span span) {
        this.span = span;
    }

    static MongoSpan start(Tracer tracer, Publisher<?> operation) {
        return new MongoSpan(tracer.spanBuilder(nameOf(operation))
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system", "mongodb")
                .startSpan());
    }

    /** {@code mongodb find}, {@code mongodb aggregate}, …; plain {@code mongodb} for writes and other commands. */
    static String nameOf(Publisher<?> operation) {
        if (operation instanceof FindPublisher<?>) {
            return "mongodb find";
        }
        if (operation instanceof AggregatePublisher<?>) {
            return "mongodb aggregate";
        }
        if (operation instanceof DistinctPublisher<?>) {
            return "mongodb distinct";
        }
        if (operation instanceof ListIndexesPublisher<?>) {
            return "mongodb listIndexes";
        }
        return "mongodb";
    }

    void succeeded() {
        span.end();
    }

    void failed(Throwable error) {
        span.recordException(error);
        span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        span.end();
    }
}
