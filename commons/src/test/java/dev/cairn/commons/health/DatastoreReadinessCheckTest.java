package dev.cairn.commons.health;

import dev.cairn.commons.config.ConfigurationException;
import dev.cairn.commons.config.TestConfigs;
import dev.cairn.testsupport.TestInfrastructure;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatastoreReadinessCheckTest {

    @Test
    void isUpWhenEveryRequiredDatastoreAnswers() {
        DatastoreReadinessCheck check = new DatastoreReadinessCheck(config(Map.of(
                "cairn.readiness.datastores", "redis,postgres",
                "cairn.redis.url", TestInfrastructure.redisUrl(),
                "cairn.postgres.url", TestInfrastructure.postgresUrl(),
                "cairn.postgres.database", "cairn_users",
                "cairn.postgres.user", TestInfrastructure.postgresUser(),
                "cairn.postgres.password", TestInfrastructure.postgresPassword())));
        try {
            HealthCheckResponse response = check.call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData().orElseThrow()).containsEntry("redis", "UP").containsEntry("postgres", "UP");
        } finally {
            check.close();
        }
    }

    @Test
    void isDownNamingTheDatastoreThatDoesNotAnswer() {
        DatastoreReadinessCheck check = new DatastoreReadinessCheck(config(Map.of(
                "cairn.readiness.datastores", "redis,postgres",
                "cairn.readiness.timeout", "1s",
                "cairn.redis.url", TestInfrastructure.redisUrl(),
                "cairn.postgres.url", "jdbc:postgresql://127.0.0.1:1/",
                "cairn.postgres.database", "cairn_users")));
        try {
            HealthCheckResponse response = check.call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData().orElseThrow().get("postgres").toString()).startsWith("DOWN: ");
            assertThat(response.getData().orElseThrow()).containsEntry("redis", "UP");
        } finally {
            check.close();
        }
    }

    @Test
    void staysUpWhenOnlyAnOptionalDatastoreIsDown() {
        DatastoreReadinessCheck check = new DatastoreReadinessCheck(config(Map.of(
                "cairn.readiness.optional", "redis",
                "cairn.readiness.timeout", "1s",
                "cairn.redis.url", "redis://127.0.0.1:1")));
        try {
            HealthCheckResponse response = check.call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData().orElseThrow().get("redis").toString()).startsWith("DOWN (optional)");
        } finally {
            check.close();
        }
    }

    @Test
    void rejectsADatastoreItDoesNotKnowNamingTheKey() {
        assertThatThrownBy(() -> new DatastoreReadinessCheck(config(Map.of("cairn.readiness.datastores", "oracle"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cairn.readiness.datastores")
                .hasMessageContaining("oracle");
    }

    @Test
    void rejectsAMalformedUrlNamingTheEnvironmentVariable() {
        assertThatThrownBy(() -> new DatastoreReadinessCheck(config(Map.of(
                "cairn.readiness.datastores", "rabbitmq", "cairn.rabbitmq.url", "http://broker"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CAIRN_RABBITMQ_URL");
    }

    private static Config config(Map<String, String> values) {
        return TestConfigs.of(values);
    }
}
