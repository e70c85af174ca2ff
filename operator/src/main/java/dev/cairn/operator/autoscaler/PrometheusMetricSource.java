package dev.cairn.operator.autoscaler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Asks Prometheus for the per-pod rate over the last minute, assuming the usual Kubernetes scrape configuration
 * that labels series with {@code namespace} and {@code pod}:
 * {@code avg(sum by (pod) (rate(<series>{namespace="<ns>", pod=~"<deployment>-[a-z0-9]+-[a-z0-9]+"}[1m])))}.
 */
public final class PrometheusMetricSource implements MetricSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;

    public PrometheusMetricSource(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The PromQL query for a target. */
    public static String query(MetricTarget target) {
        return "avg(sum by (pod) (rate(" + target.seriesName() + "{namespace=\"" + target.namespace()
                + "\",pod=~\"" + target.deployment() + "-[a-z0-9]+-[a-z0-9]+\"}[1m])))";
    }

    @Override
    public OptionalDouble perPod(MetricTarget target) throws MetricsUnavailableException {
        URI uri = URI.create(baseUrl + "/api/v1/query?query="
                + URLEncoder.encode(query(target), StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MetricsUnavailableException("Prometheus answered " + response.statusCode());
            }
            JsonNode result = JSON.readTree(response.body()).path("data").path("result");
            if (!result.isArray() || result.isEmpty()) {
                return OptionalDouble.empty();
            }
            double value = Double.parseDouble(result.get(0).path("value").get(1).asText());
            return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
        } catch (IOException | RuntimeException e) {
            throw new MetricsUnavailableException("querying Prometheus at " + baseUrl + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetricsUnavailableException("interrupted while querying Prometheus");
        }
    }
}
