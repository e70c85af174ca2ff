package dev.cairn.gateway;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous GETs the upstream marks public are served from Redis; private, authenticated and no-cache ones are not. */
@HelidonTest
class ResponseCacheTest {

    @Inject
    WebTarget target;

    @Test
    void publicAnonymousReadsAreServedFromTheCache() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        String path = "/catalog/" + UUID.randomUUID() + "?page=1";
        int before = GatewayRig.ECHO.served();
        HttpResponse<String> first = gateway.get(path);
        HttpResponse<String> second = gateway.get(path);
        assertThat(first.headers().firstValue("X-Cache")).contains("MISS");
        assertThat(second.headers().firstValue("X-Cache")).contains("HIT");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Age")).isPresent();
        assertThat(GatewayRig.ECHO.served() - before).isEqualTo(1);

        assertThat(gateway.get(path.replace("page=1", "page=2")).headers().firstValue("X-Cache")).as("another query")
                .contains("MISS");
        assertThat(gateway.get(path, "Cache-Control", "no-cache").headers().firstValue("X-Cache")).isEmpty();
        assertThat(gateway.get(path, "Authorization", "Bearer " + GatewayTokens.customer(UUID.randomUUID().toString()))
                .headers().firstValue("X-Cache")).as("authenticated reads bypass the cache").isEmpty();
    }

    @Test
    void privateResponsesAreNotKept() {
        GatewayClient gateway = new GatewayClient(target.getUri());
        String path = "/catalog/" + UUID.randomUUID() + "/private";
        int before = GatewayRig.ECHO.served();
        gateway.get(path);
        assertThat(gateway.get(path).headers().firstValue("X-Cache")).contains("MISS");
        assertThat(GatewayRig.ECHO.served() - before).isEqualTo(2);
    }
}
