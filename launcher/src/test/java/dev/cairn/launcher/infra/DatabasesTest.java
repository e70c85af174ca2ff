package dev.cairn.launcher.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabasesTest {

    @Test
    void pointsAServerUrlAtADatabaseKeepingParameters() {
        assertThat(Databases.withDatabase("jdbc:postgresql://127.0.0.1:5432/", "postgres"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
        assertThat(Databases.withDatabase("jdbc:postgresql://db:6543/other?sslmode=require", "cairn_users"))
                .isEqualTo("jdbc:postgresql://db:6543/cairn_users?sslmode=require");
        assertThat(Databases.withDatabase("jdbc:postgresql://db", "cairn_users"))
                .isEqualTo("jdbc:postgresql://db/cairn_users");
    }

    @Test
    void refusesANameThatIsNotASafeIdentifier() {
        assertThatThrownBy(() -> Databases.ensure("jdbc:postgresql://127.0.0.1:1/", "postgres", "",
                java.util.List.of("x; DROP DATABASE postgres")))
                .isInstanceOfAny(IllegalArgumentException.class, InfrastructureException.class);
    }

    @Test
    void explainsAnUnreachableServer() {
        assertThatThrownBy(() -> Databases.ensure("jdbc:postgresql://127.0.0.1:1/", "postgres", "",
                java.util.List.of("cairn_users")))
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("127.0.0.1:1");
    }
}
