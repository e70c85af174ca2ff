package dev.cairn.commons.tracing;

import dev.cairn.commons.config.FixedConfigSource;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns Cairn's one tracing setting, {@code CAIRN_OTLP_ENDPOINT} (or the system property {@code cairn.otlp.endpoint}),
 * into the {@code otel.*} properties of Helidon's OpenTelemetry SDK: spans are always made (so trace ids reach the
 * logs and the events) and exported over OTLP/HTTP to that endpoint when it is set, e.g. {@code http://jaeger:4318};
 * without it nothing is exported. Ordinal 95: above the commons defaults, below a service's own
 * {@code microprofile-config.properties} and the environment ({@code OTEL_*} variables), which override it.
 */
public final class TelemetryConfigSource extends FixedConfigSource {

    static final String ENDPOINT_ENV = "CAIRN_OTLP_ENDPOINT";
    static final String ENDPOINT_PROPERTY = "cairn.otlp.endpoint";

    public TelemetryConfigSource() {
        this(System.getenv(ENDPOINT_ENV), System.getProperty(ENDPOINT_PROPERTY));
    }

    TelemetryConfigSource(String endpointFromEnvironment, String endpointFromSystemProperty) {
        super("cairn-telemetry", 95, properties(endpointFromSystemProperty != null && !endpointFromSystemProperty.isBlank()
                ? endpointFromSystemProperty.strip()
                : endpointFromEnvironment == null ? "" : endpointFromEnvironment.strip()));
    }

    private static Map<String, String> properties(String endpoint) {
        Map<String, String> values = new HashMap<>();
        values.put("otel.sdk.disabled", "false");
        values.put("otel.metrics.exporter", "none");
        values.put("otel.logs.exporter", "none");
        values.put("otel.propagators", "tracecontext,baggage");
        if (endpoint.isEmpty()) {
            values.put("otel.traces.exporter", "none");
        } else {
            values.put("otel.traces.exporter", "otlp");
            values.put("otel.exporter.otlp.traces.protocol", "http/protobuf");
            values.put("otel.exporter.otlp.traces.endpoint", endpoint.replaceAll("/+$", "") + "/v1/traces");
        }
        return values;
    }
}
