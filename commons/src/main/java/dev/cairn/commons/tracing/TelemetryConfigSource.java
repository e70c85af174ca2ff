package dev.cairn.commons.tracing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns Cairn's one tracing setting, {@code CAIRN_OTLP_ENDPOINT} (or the system property {@code cairn.otlp.endpoint}),
 * into the {@code otel.*} properties of Helidon's OpenTelemetry SDK: spans are always made (so trace ids reach the
 * logs and the events) and exported over OTLP/HTTP to that endpoint when it is set, e.g. {@code http://jaeger:4318};
 * without it nothing is exported. Ordinal 95: above the commons defaults, below a service's own
 * {@code microprofile-config.properties} and the environment ({@code OTEL_*} variables), which override it.
 */
public final class TelemetryConfigSource implements ConfigSource {

    static final String ENDPOINT_ENV = "CAIRN_OTLP_ENDPOINT";
    static final String ENDPOINT_PROPERTY = "cairn.otlp.endpoint";

    private final Map<String, String> properties;

    public TelemetryConfigSource() {
        this(System.getenv(ENDPOINT_ENV), System.getProperty(ENDPOINT_PROPERTY));
    }

    TelemetryConfigSource(String endpointFromEnvironment, String endpointFromSystemProperty) {
        String endpoint = endpointFromSystemProperty != null && !endpointFromSystemProperty.isBlank()
                ? endpointFromSystemProperty.strip()
                : endpointFromEnvironment == null ? "" : endpointFromEnvironment.strip();
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
        this.properties = Map.copyOf(values);
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "cairn-telemetry";
    }

    @Override
    public int getOrdinal() {
        return 95;
    }
}
