package dev.cairn.gateway;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static dev.cairn.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Round robin, weighted and least-connections spreading over real local upstreams; a killed instance is ejected. */
@HelidonTest
class LoadBalancingTest {

    @Inject
    WebTarget target;

    private GatewayClient gateway;

    @BeforeEach
    void setUp() {
        gateway = new GatewayClient(target.getUri());
        Stream.of(GatewayRig.A, GatewayRig.B, GatewayRig.C, GatewayRig.HEAVY, GatewayRig.LIGHT, GatewayRig.E1,
                GatewayRig.E2, GatewayRig.E3).forEach(StubUpstream::resetCount);
    }

    @Test
    void roundRobinSpreadsEvenly() {
        for (int i = 0; i < 300; i++) {
            assertThat(gateway.get("/rr/items?i=" + i).statusCode()).isEqualTo(200);
        }
        for (StubUpstream stub : List.of(GatewayRig.A, GatewayRig.B, GatewayRig.C)) {
            assertThat(stub.served()).as(stub.name()).isBetween(90, 110);
        }
    }

    @Test
    void weightsAreHonoured() {
        for (int i = 0; i < 400; i++) {
            assertThat(gateway.get("/weighted/x").statusCode()).isEqualTo(200);
        }
        assertThat(GatewayRig.HEAVY.served()).isBetween(270, 330);
        assertThat(GatewayRig.LIGHT.served()).isBetween(70, 130);
    }

    @Test
    void leastConnectionsPrefersTheIdleInstance() throws Exception {
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> gateway.get("/least/hold"));
        await().atMost(Duration.ofSeconds(5)).until(() -> GatewayRig.IDLE_1.served() + GatewayRig.IDLE_2.served() >= 1);
        StubUpstream busy = GatewayRig.IDLE_1.served() == 1 ? GatewayRig.IDLE_1 : GatewayRig.IDLE_2;
        StubUpstream idle = busy == GatewayRig.IDLE_1 ? GatewayRig.IDLE_2 : GatewayRig.IDLE_1;
        try {
            for (int i = 0; i < 20; i++) {
                assertThat(json(gateway.get("/least/quick")).get("instance").asText()).isEqualTo(idle.name());
            }
        } finally {
            busy.release();
        }
        assertThat(held.get().statusCode()).isEqualTo(200);
    }

    @Test
    void aKilledInstanceIsEjectedWithoutClientErrorsAndComesBack() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(gateway.get("/eject/x").statusCode());
        }
        GatewayRig.E2.stop();
        try {
            for (int i = 0; i < 150; i++) {
                statuses.add(gateway.get("/eject/x").statusCode());
            }
            assertThat(statuses).as("no client sees the dead instance").containsOnly(200);
        } finally {
            GatewayRig.E2.restart();
        }
        int before = GatewayRig.E2.served();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gateway.get("/eject/x").statusCode()).isEqualTo(200);
            assertThat(GatewayRig.E2.served()).as("back in rotation after its health check passes").isGreaterThan(before);
        });
    }
}
