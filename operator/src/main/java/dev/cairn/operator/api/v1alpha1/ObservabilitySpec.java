package dev.cairn.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Where traces go, where the autoscaler reads metrics, how much the services log. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ObservabilitySpec {

    @Pattern("^$|^https?://.+$")
    @JsonPropertyDescription("OTLP endpoint for traces (CAIRN_OTLP_ENDPOINT); empty: no export.")
    private String otlpEndpoint;

    @Pattern("^$|^https?://.+$")
    @JsonPropertyDescription("Prometheus the autoscaler queries for rps/inflight; empty: the operator scrapes the "
            + "pods' /metrics itself.")
    private String prometheusUrl;

    @Default("INFO")
    @JsonPropertyDescription("Log level of every component.")
    private LogLevel logLevel = LogLevel.INFO;

    public String getOtlpEndpoint() {
        return otlpEndpoint;
    }

    public void setOtlpEndpoint(String otlpEndpoint) {
        this.otlpEndpoint = otlpEndpoint;
    }

    public String getPrometheusUrl() {
        return prometheusUrl;
    }

    public void setPrometheusUrl(String prometheusUrl) {
        this.prometheusUrl = prometheusUrl;
    }

    public LogLevel getLogLevel() {
        return logLevel;
    }

    public void setLogLevel(LogLevel logLevel) {
        this.logLevel = logLevel;
    }
}
