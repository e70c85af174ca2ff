package dev.cairn.commons.problem;

import dev.cairn.commons.json.StrictJsonProvider;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What system-tests' HostileInputIT found accepted: JSON sent under another media type, scalars for text fields. */
@HelidonTest
@AddBean(ProblemTestResource.class)
@AddBean(StrictJsonProvider.class)
@AddConfig(key = "cairn.readiness.datastores", value = "")
class StrictRequestBodiesTest {

    @Inject
    private WebTarget target;

    @Test
    void aJsonBodySentAsAnotherMediaTypeIsRefusedWith415() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "application/jsonx")) {
            Response response = target.path("/problems/validated").request()
                    .post(Entity.entity("{\"name\":\"a\",\"quantity\":1}", type));
            statuses.put(type, response.getStatus());
        }
        assertThat(statuses).allSatisfy((type, status) -> assertThat(status).as(type).isEqualTo(415));
    }

    @Test
    void aNumberOrBooleanForATextFieldIsA400() {
        for (String body : List.of("{\"name\":true,\"quantity\":1}", "{\"name\":12,\"quantity\":1}", "{\"name\":1.5,\"quantity\":1}")) {
            Response response = target.path("/problems/validated").request().post(Entity.json(body));
            assertThat(response.getStatus()).as(body).isEqualTo(400);
            assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        }
    }
}
