package dev.cairn.operator.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cairn.operator.api.v1alpha1.LoadBalancing;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.testing.Platforms;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutesFactoryTest {

    private final MicroservicePlatform platform = Platforms.cairn("shop", "prod");

    private JsonNode table() throws Exception {
        return new YAMLMapper().readTree(GatewayRoutesFactory.build(platform).getData().get("routes.yaml"));
    }

    @Test
    void routesEachPrefixToAPoolOfTheServicesPods() throws Exception {
        JsonNode table = table();

        assertThat(table.path("routes")).hasSize(4);
        assertThat(table.path("routes").get(2).path("prefix").asText()).isEqualTo("/api/v1/orders");
        assertThat(table.path("routes").get(2).path("pool").asText()).isEqualTo("order-service");
        JsonNode pool = table.path("pools").path("order-service");
        assertThat(pool.path("instances").get(0).asText()).isEqualTo("http://shop-order-service:8082");
        assertThat(pool.path("dns").asBoolean()).isTrue();
        assertThat(pool.path("healthPath").asText()).isEqualTo("/health/ready");
    }

    @Test
    void carriesRateLimitLoadBalancingAndCorsFromTheSpec() throws Exception {
        platform.getSpec().getGateway().getRateLimit().setRequestsPerSecond(7);
        platform.getSpec().getGateway().getRateLimit().setBurst(9);
        platform.getSpec().getGateway().setLoadBalancing(LoadBalancing.LEAST_CONN);
        platform.getSpec().getGateway().setCorsOrigins(List.of("https://shop.example"));

        JsonNode table = table();

        assertThat(table.path("rateLimits").path("default").path("requestsPerSecond").asInt()).isEqualTo(7);
        assertThat(table.path("rateLimits").path("default").path("burst").asInt()).isEqualTo(9);
        assertThat(table.path("pools").path("user-service").path("strategy").asText()).isEqualTo("least_conn");
        assertThat(table.path("corsOrigins").get(0).asText()).isEqualTo("https://shop.example");
    }

    @Test
    void leavesServicesWithoutPrefixOutOfTheTable() throws Exception {
        platform.getSpec().getServices().get(3).setRoutePrefix(null);

        JsonNode table = table();

        assertThat(table.path("routes")).hasSize(3);
        assertThat(table.path("pools").has("analytics-service")).isFalse();
    }
}
