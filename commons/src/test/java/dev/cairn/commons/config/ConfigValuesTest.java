package dev.cairn.commons.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigValuesTest {

    @Test
    void namesTheEnvironmentVariableOfAKey() {
        assertThat(ConfigValues.envNameOf("cairn.postgres.url")).isEqualTo("CAIRN_POSTGRES_URL");
        assertThat(ConfigValues.envNameOf("cairn.kafka.bootstrap")).isEqualTo("CAIRN_KAFKA_BOOTSTRAP");
    }

    @ParameterizedTest
    @CsvSource({"500ms,500", "10s,10000", "2m,120000", "1h,3600000", "7d,604800000", "PT3S,3000"})
    void parsesDurations(String text, long millis) {
        assertThat(ConfigValues.parseDuration("k", text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void explainsABadDurationWithKeyAndFix() {
        assertThatThrownBy(() -> ConfigValues.parseDuration("cairn.shutdown.grace", "soon"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cairn.shutdown.grace")
                .hasMessageContaining("CAIRN_SHUTDOWN_GRACE")
                .hasMessageContaining("10s");
    }

    @Test
    void rejectsAUriWithTheWrongScheme() {
        assertThatThrownBy(() -> ConfigValues.parseUri("cairn.redis.url", "http://x", "use redis://host:6379", "redis"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("CAIRN_REDIS_URL")
                .hasMessageContaining("use redis://host:6379");
    }
}
