package dev.cairn.commons.tracing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryConfigSourceTest {

    @Test
    void makesSpansButExportsNothingWithoutAnEndpoint() {
        TelemetryConfigSource source = new TelemetryConfigSource(null, null);

        assertThat(source.getValue("otel.sdk.disabled")).isEqualTo("false");
        assertThat(source.getValue("otel.traces.exporter")).isEqualTo("none");
        assertThat(source.getValue("otel.exporter.otlp.traces.endpoint")).isNull();
        assertThat(source.getValue("otel.metrics.exporter")).isEqualTo("none");
    }

    @Test
    void exportsOverOtlpHttpToTheEndpointsTracesPath() {
        TelemetryConfigSource source = new TelemetryConfigSource("http://jaeger:4318/", null);

        assertThat(source.getValue("otel.traces.exporter")).isEqualTo("otlp");
        assertThat(source.getValue("otel.exporter.otlp.traces.protocol")).isEqualTo("http/protobuf");
        assertThat(source.getValue("otel.exporter.otlp.traces.endpoint")).isEqualTo("http://jaeger:4318/v1/traces");
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentAndEnvironmentVariablesOverrideIt() {
        TelemetryConfigSource source = new TelemetryConfigSource("http://from-env:4318", "http://from-property:4318");

        assertThat(source.getValue("otel.exporter.otlp.traces.endpoint")).isEqualTo("http://from-property:4318/v1/traces");
        assertThat(source.getOrdinal()).as("below the environment (300) and a service's own properties (100)")
                .isLessThan(100);
    }
}
