package dev.cairn.commons.problem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.json.StrictJsonProvider;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@HelidonTest
@AddBean(ProblemTestResource.class)
@AddBean(StrictJsonProvider.class)
@AddConfig(key = "cairn.readiness.datastores", value = "")
class ProblemMappingTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Inject
    private WebTarget target;

    @Test
    void oversizedBodiesAreA413ProblemWithOrWithoutContentLength() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\",\"quantity\":1}";
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> declared = client.send(java.net.http.HttpRequest.newBuilder(
                        target.path("/problems/validated").getUri())
                .header("Content-Type", "application/json").expectContinue(true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(big)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("https://cairn.dev/problems/payload-too-large");

        java.net.http.HttpResponse<String> chunked = client.send(java.net.http.HttpRequest.newBuilder(
                        target.path("/problems/validated").getUri())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("https://cairn.dev/problems/payload-too-large");
    }

    @Test
    void unreachableDatabaseIsA503WithRetryAfter() {
        Response response = target.path("/problems/database-down").request().get();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.readEntity(String.class)).doesNotContain("SQLTransient", "pool");
    }

    @Test
    void uniqueViolationRaceIsA409() {
        Response response = target.path("/problems/duplicate-key").request().get();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.readEntity(String.class)).contains("https://cairn.dev/problems/conflict");
    }

    @Test
    void bareErrorStatusGetsAProblemBody() {
        Response response = target.path("/problems/bare-forbidden").request().get();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(response.readEntity(String.class)).contains("\"status\":403");
    }

    @Test
    void bodiesAreWrittenWithIsoTimesAndWithoutNulls() {
        Response response = target.path("/problems/stamped").request().get();
        assertThat(response.readEntity(String.class)).isEqualTo("{\"at\":\"2026-11-26T10:15:30Z\"}");
    }

    @Test
    void mapsProblemExceptionToItsStatusWithTypeTitleAndInstance() throws Exception {
        JsonNode body = problemOf(target.path("/problems/conflict").request().get(), 409);
        assertThat(body.get("type").asText()).isEqualTo("https://cairn.dev/problems/conflict");
        assertThat(body.get("title").asText()).isEqualTo("Conflict");
        assertThat(body.get("detail").asText()).isEqualTo("sku ABC-1 is taken");
        assertThat(body.get("instance").asText()).isEqualTo("/problems/conflict");
    }

    @Test
    void mapsEmptyOptionalToNotFound() throws Exception {
        JsonNode body = problemOf(target.path("/problems/missing").request().get(), 404);
        assertThat(body.get("type").asText()).endsWith("/not-found");
    }

    @Test
    void writesPresentOptionalAsItsValue() {
        Response response = target.path("/problems/present").request().get();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(String.class)).contains("\"name\":\"cairn\"");
    }

    @Test
    void mapsBeanValidationFailureToFieldErrors() throws Exception {
        Response response = target.path("/problems/validated").request()
                .post(Entity.json("{\"name\":\"\",\"quantity\":0}"));
        JsonNode body = problemOf(response, 400);
        assertThat(body.get("type").asText()).endsWith("/validation");
        assertThat(body.get("errors")).hasSize(2);
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("name", "quantity");
    }

    @Test
    void rejectsUnknownJsonFieldNamingIt() throws Exception {
        Response response = target.path("/problems/validated").request()
                .post(Entity.json("{\"name\":\"a\",\"quantity\":1,\"admin\":true}"));
        JsonNode body = problemOf(response, 400);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("admin");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("unknown field");
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        Response response = target.path("/problems/validated").request()
                .post(Entity.json("{\"name\":"));
        JsonNode body = problemOf(response, 400);
        assertThat(body.get("type").asText()).endsWith("/malformed-json");
    }

    @Test
    void rejectsWrongJsonTypeNamingTheField() throws Exception {
        Response response = target.path("/problems/validated").request()
                .post(Entity.json("{\"name\":\"a\",\"quantity\":\"many\"}"));
        JsonNode body = problemOf(response, 400);
        assertThat(body.get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("expected a number");
    }

    @Test
    void mapsUnknownPathToNotFoundProblem() throws Exception {
        problemOf(target.path("/no/such/path").request().get(), 404);
    }

    @Test
    void mapsWrongMethodToMethodNotAllowedProblem() throws Exception {
        Response response = target.path("/problems/conflict").request().delete();
        JsonNode body = problemOf(response, 405);
        assertThat(body.get("type").asText()).endsWith("/method-not-allowed");
    }

    @Test
    void mapsUnsupportedMediaTypeToProblem() throws Exception {
        Response response = target.path("/problems/validated").request()
                .post(Entity.entity("name=a", MediaType.APPLICATION_FORM_URLENCODED));
        problemOf(response, 415);
    }

    @Test
    void hidesUnexpectedErrorsBehindA500WithTheCallersTraceId() throws Exception {
        // a plain HTTP client: the JAX-RS client of the test would trace the call and send its own traceparent
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        target.path("/problems/boom").getUri()).header("traceparent", TRACEPARENT).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String raw = response.body();
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(raw).doesNotContain("IllegalStateException", "secret", "at dev.cairn");
        JsonNode body = Json.mapper().readTree(raw);
        assertThat(body.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(body.get("detail").asText()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void givesEveryProblemATraceId() throws Exception {
        JsonNode body = problemOf(target.path("/problems/conflict").request().get(), 409);
        assertThat(body.get("traceId").asText()).matches("[0-9a-f]{32}");
    }

    private static JsonNode problemOf(Response response, int status) throws Exception {
        String raw = response.readEntity(String.class);
        assertThat(response.getStatus()).as(raw).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonNode body = Json.mapper().readTree(raw);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.hasNonNull("title")).isTrue();
        assertThat(body.hasNonNull("traceId")).isTrue();
        return body;
    }
}
