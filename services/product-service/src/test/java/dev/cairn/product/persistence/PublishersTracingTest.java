package dev.cairn.product.persistence;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishersTracingTest {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    ended.addAll(spans);
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            }))
            .build();

    @Test
    void aMongoOperationIsAClientSpanOfTheCurrentSpanEndedWithItsLastElement() {
        Span request = tracing.get("test").spanBuilder("GET /api/v2/products/{id}").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            List<String> items = Publishers.await(Publishers.list(emitting("a", "b"), tracing.get("test")));
            assertThat(items).containsExactly("a", "b");
        } finally {
            request.end();
        }

        SpanData mongo = ended.stream().filter(span -> span.getName().startsWith("mongodb")).findFirst().orElseThrow();
        assertThat(mongo.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CLIENT);
        assertThat(mongo.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(mongo.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(mongo.getAttributes().asMap().values()).contains("mongodb");
    }

    @Test
    void aFailedOperationIsAFailedSpan() {
        Publisher<String> failing = subscriber -> subscriber.onSubscribe(new Subscription() {
            @Override
            public void request(long n) {
                subscriber.onError(new IllegalStateException("not primary"));
            }

            @Override
            public void cancel() {
            }
        });

        assertThatThrownBy(() -> Publishers.await(Publishers.first(failing, tracing.get("test"))))
                .isInstanceOfAny(IllegalStateException.class, CompletionException.class);
        assertThat(ended).singleElement().satisfies(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getStatus().getDescription()).contains("not primary");
        });
    }

    private static Publisher<String> emitting(String... items) {
        return subscriber -> subscriber.onSubscribe(new Subscription() {
            private boolean done;

            @Override
            public void request(long n) {
                if (done) {
                    return;
                }
                done = true;
                for (String item : items) {
                    subscriber.onNext(item);
                }
                subscriber.onComplete();
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }
}
