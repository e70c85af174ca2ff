package dev.cairn.commons.runtime;

import dev.cairn.commons.problem.ProblemTestResource;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@HelidonTest
@AddBean(ProblemTestResource.class)
@AddConfig(key = "cairn.readiness.datastores", value = "")
class DrainingFilterTest {

    @Inject
    private WebTarget target;
    @Inject
    private InFlightRequests inFlight;

    @Test
    void aDrainingProcessRefusesNewRequestsAndReportsNotReady() throws Exception {
        assertThat(target.path("/problems/present").request().get().getStatus()).isEqualTo(200);
        assertThat(target.path("/health/ready").request().get().getStatus()).isEqualTo(200);

        assertThat(inFlight.drain(Duration.ofSeconds(5))).isZero();

        Response refused = target.path("/problems/present").request().get();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.getHeaderString("Retry-After")).isEqualTo("1");
        Response ready = target.path("/health/ready").request().get();
        assertThat(ready.getStatus()).isEqualTo(503);
        assertThat(ready.readEntity(String.class)).contains("\"shutdown\"");
    }
}
