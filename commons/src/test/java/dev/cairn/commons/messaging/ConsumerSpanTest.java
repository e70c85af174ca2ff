package dev.cairn.commons.messaging;

import dev.cairn.commons.logging.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerSpanTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PRODUCER_SPAN = "00f067aa0ba902b7";

    @Test
    void theConsumerSpanIsAChildOfTheProducerSpanAndCurrentWhileOpen() {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build();
             ConsumerSpan span = ConsumerSpan.start(tracing.get("test"), "queue process",
                     "00-" + TRACE + "-" + PRODUCER_SPAN + "-01")) {
            assertThat(span.context().getTraceId()).isEqualTo(TRACE);
            assertThat(span.context().getSpanId()).isNotEqualTo(PRODUCER_SPAN);
            assertThat(((ReadableSpan) Span.current()).getParentSpanContext().getSpanId()).isEqualTo(PRODUCER_SPAN);
            assertThat(TraceContext.currentTraceId()).contains(TRACE);
        }
        assertThat(TraceContext.currentTraceId()).isEmpty();
    }

    @Test
    void withoutATraceparentANewTraceStarts() {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build();
             ConsumerSpan span = ConsumerSpan.start(tracing.get("test"), "queue process", null)) {
            assertThat(span.context().isValid()).isTrue();
            assertThat(span.context().getTraceId()).isNotEqualTo(TRACE);
        }
    }

    @Test
    void aMalformedTraceparentIsIgnored() {
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().build();
             ConsumerSpan span = ConsumerSpan.start(tracing.get("test"), "queue process", "garbage")) {
            assertThat(span.context().isValid()).isTrue();
        }
    }
}
