package dev.cairn.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Cairn process serves (CONTRACT.md section 2), as tests a service's {@code @HelidonTest} class inherits
 * by extending this class.
 */
public abstract class ServiceEndpointsContract {

    /** The running application under test (injected by {@code @HelidonTest}). */
    @Inject
    private WebTarget target;

    /** The datastores its readiness must probe, e.g. {@code postgres, rabbitmq, kafka}. */
    protected abstract List<String> requiredDatastores();

    /** Part of the OpenAPI document's title, e.g. {@code Cairn user service}. */
    protected abstract String openApiTitle();

    /**
     * Metric families (as exported, e.g. {@code cairn_orders_created_total}) this process serves from its start: its
     * entries of the catalogue in docs/OBSERVABILITY.md (the JVM ones are checked for every process).
     */
    protected List<String> catalogueMetrics() {
        return List.of();
    }

    protected WebTarget target() {
        return target;
    }

    @Test
    public void livenessIsUp() throws Exception {
        Response response = target().path("/health/live").request().get();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).get("status").asText()).isEqualTo("UP");
    }

    @Test
    public void readinessProbesEachDatastoreItUses() throws Exception {
        Response response = target().path("/health/ready").request().get();
        String body = response.readEntity(String.class);
        assertThat(response.getStatus()).as(body).isEqualTo(200);
        JsonNode datastores = null;
        for (JsonNode check : new ObjectMapper().readTree(body).get("checks")) {
            if (check.get("name").asText().equals("datastores")) {
                datastores = check;
            }
        }
        assertThat(datastores).as("datastores check in " + body).isNotNull();
        List<String> probed = new ArrayList<>();
        datastores.get("data").fieldNames().forEachRemaining(probed::add);
        assertThat(probed).containsAll(requiredDatastores());
        for (String name : requiredDatastores()) {
            assertThat(datastores.get("data").get(name).asText()).as(name).isEqualTo("UP");
        }
    }

    @Test
    public void metricsArePrometheusTextWithTheCatalogueEntries() {
        target().path("/api/v1/no-such-resource").request().get().close(); // at least one request counted
        Response response = target().path("/metrics").request(MediaType.TEXT_PLAIN).get();
        String body = response.readEntity(String.class);
        assertThat(response.getStatus()).isEqualTo(200);
        Set<String> families = PrometheusText.families(body);
        assertThat(families).contains("jvm_uptime_seconds", "memory_usedHeap_bytes", "thread_count", "gc_total",
                "gc_time_seconds_total", "cpu_systemLoadAverage", "requests_count_total");
        assertThat(families).containsAll(catalogueMetrics());
    }

    /**
     * Every meter carries Helidon's {@code mp_scope} label, i.e. was registered through Helidon's registry. A library
     * registering straight into Micrometer's global registry (SmallRye's Micrometer decorator did) takes Micrometer's
     * lock before Helidon 4.1.2's, the opposite order of every other registration, and can deadlock a starting
     * service (docs/OBSERVABILITY.md).
     */
    @Test
    public void everyMeterIsRegisteredThroughHelidon() {
        String body = target().path("/metrics").request(MediaType.TEXT_PLAIN).get(String.class);
        List<String> samples = PrometheusText.samples(body);
        assertThat(samples).isNotEmpty();
        assertThat(samples).filteredOn(sample -> !sample.contains("mp_scope=\"")).isEmpty();
    }

    @Test
    public void openApiDocumentNamesTheService() {
        Response response = target().path("/openapi").request("application/yaml").get();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(String.class)).contains(openApiTitle());
    }

    @Test
    public void unknownPathIsAProblemDocument() throws Exception {
        Response response = target().path("/api/v1/no-such-resource").request().get();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(404);
    }

    private static JsonNode json(Response response) throws Exception {
        return new ObjectMapper().readTree(response.readEntity(String.class));
    }
}
