package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.DatastoreRef;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.SecretKeyRef;
import dev.cairn.operator.testing.Platforms;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentFactoryTest {

    private final MicroservicePlatform platform = Platforms.cairn("shop", "prod");

    private List<EnvVar> envOf(String component) {
        return EnvironmentFactory.forComponent(platform, Components.named(platform, component).orElseThrow());
    }

    private Map<String, String> valuesOf(String component) {
        return envOf(component).stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    @Test
    void givesServicesTheDatastoreVariablesTheyRead() {
        assertThat(valuesOf("order-service"))
                .containsEntry("SERVER_PORT", "8082")
                .containsEntry("CAIRN_POSTGRES_URL", "jdbc:postgresql://postgres:5432/")
                .containsEntry("CAIRN_MONGO_URI", "mongodb://mongo:27017")
                .containsEntry("CAIRN_REDIS_URL", "redis://redis:6379")
                .containsEntry("CAIRN_RABBITMQ_URL", "amqp://rabbit:5672")
                .containsEntry("CAIRN_KAFKA_BOOTSTRAP", "kafka:9092")
                .containsEntry("CAIRN_OTLP_ENDPOINT", "http://collector:4317")
                .containsEntry("CAIRN_AUTH_ISSUER", "https://cairn.local/auth");
    }

    @Test
    void givesTheGatewayRedisAndItsRouteTableButNoDatabases() {
        assertThat(valuesOf("gateway"))
                .containsEntry("SERVER_PORT", "8080")
                .containsEntry("CAIRN_REDIS_URL", "redis://redis:6379")
                .containsEntry("CAIRN_GATEWAY_ROUTES_FILE", "/etc/cairn/gateway/routes.yaml")
                .doesNotContainKeys("CAIRN_POSTGRES_URL", "CAIRN_MONGO_URI", "CAIRN_RABBITMQ_URL");
    }

    @Test
    void pointsServicesAtEachOtherAndAtTheIssuersKeys() {
        assertThat(valuesOf("order-service"))
                .containsEntry("CAIRN_PRODUCTS_URL", "http://shop-product-service:8083")
                .containsEntry("CAIRN_AUTH_JWKS_URL", "http://shop-user-service:8081/.well-known/jwks.json");
    }

    @Test
    void givesOnlyTheUserServiceTheSigningKeyFromTheSecret() {
        EnvVar key = envOf("user-service").stream().filter(e -> e.getName().equals("CAIRN_AUTH_SIGNING_KEY"))
                .findFirst().orElseThrow();

        assertThat(key.getValueFrom().getSecretKeyRef().getName()).isEqualTo("shop-auth-key");
        assertThat(key.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("signing-key.pem");
        assertThat(envOf("order-service")).noneMatch(e -> e.getName().equals("CAIRN_AUTH_SIGNING_KEY"));
    }

    @Test
    void readsADatastoreUrlFromASecretWhenReferenced() {
        DatastoreRef postgres = new DatastoreRef();
        postgres.setSecretRef(new SecretKeyRef("db", "jdbc"));
        platform.getSpec().getDatastores().setPostgres(postgres);

        EnvVar url = envOf("user-service").stream().filter(e -> e.getName().equals("CAIRN_POSTGRES_URL"))
                .findFirst().orElseThrow();

        assertThat(url.getValue()).isNull();
        assertThat(url.getValueFrom().getSecretKeyRef().getName()).isEqualTo("db");
        assertThat(url.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("jdbc");
    }

    @Test
    void letsTheSpecsOwnVariablesWinOverGeneratedOnes() {
        platform.getSpec().getServices().get(2).setEnv(List.of(
                new EnvVarBuilder().withName("CAIRN_REDIS_URL").withValue("redis://other:6379").build(),
                new EnvVarBuilder().withName("CAIRN_ORDERS_SAGA_PARALLELISM").withValue("8").build()));

        List<EnvVar> env = envOf("order-service");

        assertThat(env).filteredOn(e -> e.getName().equals("CAIRN_REDIS_URL")).singleElement()
                .extracting(EnvVar::getValue).isEqualTo("redis://other:6379");
        assertThat(valuesOf("order-service")).containsEntry("CAIRN_ORDERS_SAGA_PARALLELISM", "8");
        assertThat(env.stream().map(EnvVar::getName)).doesNotHaveDuplicates();
    }
}
