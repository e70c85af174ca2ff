package dev.cairn.operator.autoscaler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Without Prometheus: scrapes each ready pod's /metrics (the port and path of its prometheus.io annotations) and
 * turns two scrapes of a counter into a per-second rate. Pods seen for the first time give no rate yet.
 */
public final class PodScrapingMetricSource implements MetricSource {

    private record Sample(Instant at, double value) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Sample> previous = new ConcurrentHashMap<>();

    public PodScrapingMetricSource(KubernetesClient client, HttpClient http, Clock clock) {
        this.client = client;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public OptionalDouble perPod(MetricTarget target) throws MetricsUnavailableException {
        List<Pod> pods = client.pods().inNamespace(target.namespace()).withLabels(target.podSelector()).list()
                .getItems().stream().filter(PodScrapingMetricSource::serving).toList();
        if (pods.isEmpty()) {
            throw new MetricsUnavailableException("no ready pod of " + target.deployment());
        }
        double total = 0;
        int rates = 0;
        String lastError = null;
        for (Pod pod : pods) {
            try {
                double value = PrometheusText.sum(scrape(pod, target), target.seriesName());
                if (Double.isNaN(value)) {
                    value = 0;
                }
                Instant now = clock.instant();
                String key = target.seriesName() + "/" + pod.getMetadata().getUid() + "/" + pod.getMetadata().getName();
                Sample before = previous.put(key, new Sample(now, value));
                if (before != null && now.isAfter(before.at())) {
                    double seconds = Duration.between(before.at(), now).toNanos() / 1e9;
                    // A counter that went down was reset (the process restarted): count from zero.
                    double delta = value >= before.value() ? value - before.value() : value;
                    total += delta / seconds;
                    rates++;
                }
            } catch (IOException e) {
                lastError = pod.getMetadata().getName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MetricsUnavailableException("interrupted while scraping");
            }
        }
        if (rates == 0 && lastError != null) {
            throw new MetricsUnavailableException("scraping /metrics failed: " + lastError);
        }
        return rates == 0 ? OptionalDouble.empty() : OptionalDouble.of(total / rates);
    }

    private String scrape(Pod pod, MetricTarget target) throws IOException, InterruptedException {
        Map<String, String> annotations = pod.getMetadata().getAnnotations() == null ? Map.of()
                : pod.getMetadata().getAnnotations();
        String port = annotations.getOrDefault("prometheus.io/port", String.valueOf(target.port()));
        String path = annotations.getOrDefault("prometheus.io/path", "/metrics");
        URI uri = URI.create("http://" + hostLiteral(pod.getStatus().getPodIP()) + ":" + port + path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String hostLiteral(String ip) {
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }

    static boolean serving(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getPodIP() != null
                && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
