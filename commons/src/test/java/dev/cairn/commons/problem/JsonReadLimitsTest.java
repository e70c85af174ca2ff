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
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies past Jackson's read limits were 500s (found by system-tests' HostileInputIT); they are the client's 400s. */
@HelidonTest
@AddBean(ProblemTestResource.class)
@AddBean(StrictJsonProvider.class)
@AddConfig(key = "cairn.readiness.datastores", value = "")
class JsonReadLimitsTest {

    @Inject
    private WebTarget target;

    @Test
    void aNumberLongerThanTheParserAllowsIsAMalformedJson400() throws Exception {
        assertMalformed(target.path("/problems/validated").request()
                .post(Entity.json("{\"name\":\"a\",\"quantity\":1" + "0".repeat(4000) + "}")));
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsA400() throws Exception {
        Response response = target.path("/problems/validated").request()
                .post(Entity.json("{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aNumberTooLargeForItsFieldIsA400() throws Exception {
        Response response = target.path("/problems/validated").request()
                .post(Entity.json("{\"name\":\"a\",\"quantity\":99999999999999999999999}"));
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
    }

    private static void assertMalformed(Response response) throws Exception {
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        JsonNode body = Json.mapper().readTree(response.readEntity(String.class));
        assertThat(body.get("type").asText()).endsWith("/malformed-json");
        assertThat(body.get("status").asInt()).isEqualTo(400);
    }
}
