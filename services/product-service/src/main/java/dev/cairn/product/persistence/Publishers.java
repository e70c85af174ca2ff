package dev.cairn.product.persistence;

import dev.cairn.commons.tracing.Tracing;
import io.opentelemetry.api.trace.Tracer;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bridges the MongoDB Reactive Streams driver to {@link CompletableFuture}s: the driver never blocks a thread, and
 * callers (virtual threads in Helidon 4) compose or wait on the future.
 */
public final class Publishers {

    private Publishers() {
    }

    /** All elements, in order; the operation is a span ({@link MongoSpan}). */
    public static <T> CompletableFuture<List<T>> list(Publisher<T> publisher) {
        return list(publisher, Tracing.tracer());
    }

    static <T> CompletableFuture<List<T>> list(Publisher<T> publisher, Tracer tracer) {
        CompletableFuture<List<T>> result = traced(MongoSpan.start(tracer, publisher));
        publisher.subscribe(new Subscriber<>() {
            private final List<T> items = new ArrayList<>();

            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(T item) {
                items.add(item);
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(items);
            }
        });
        return result;
    }

    /** The first element, if any; the rest is cancelled. The operation is a span ({@link MongoSpan}). */
    public static <T> CompletableFuture<Optional<T>> first(Publisher<T> publisher) {
        return first(publisher, Tracing.tracer());
    }

    static <T> CompletableFuture<Optional<T>> first(Publisher<T> publisher, Tracer tracer) {
        CompletableFuture<Optional<T>> result = traced(MongoSpan.start(tracer, publisher));
        publisher.subscribe(new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription subscription) {
                this.subscription = subscription;
                subscription.request(1);
            }

            @Override
            public void onNext(T item) {
                if (result.complete(Optional.ofNullable(item))) {
                    subscription.cancel();
                }
            }

            @Override
            public void onError(Throwable error) {
                result.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                result.complete(Optional.empty());
            }
        });
        return result;
    }

    /** A future that ends {@code span} when it completes. */
    private static <T> CompletableFuture<T> traced(MongoSpan span) {
        CompletableFuture<T> result = new CompletableFuture<>();
        result.whenComplete((value, error) -> {
            if (error == null) {
                span.succeeded();
            } else {
                span.failed(error);
            }
        });
        return result;
    }

    /** Waits for a future on the calling (virtual) thread, rethrowing the driver's exception unwrapped. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
