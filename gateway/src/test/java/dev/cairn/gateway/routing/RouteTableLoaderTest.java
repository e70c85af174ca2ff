package dev.cairn.gateway.routing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableLoaderTest {

    private static final String TABLE = """
            corsOrigins: "https://a.example, https://b.example"
            rateLimits:
              login: { requestsPerSecond: 0.5, burst: 5 }
            pools:
              users:
                strategy: weighted
                instances:
                  - { url: "${USERS_URL:http://127.0.0.1:8081}", weight: 3 }
                  - "http://127.0.0.1:9081"
            routes:
              - { prefix: /api/v1/auth/login, pool: users, auth: none, rateLimit: login, retries: 0 }
              - { prefix: /api/v1, pool: users, timeout: 3s }
              - { prefix: /api/v1/audit, pool: users, roles: [admin] }
            """;

    private final RouteTableLoader loader = new RouteTableLoader(Map.of("USERS_URL", "http://users:8081")::get);

    @Test
    void readsRoutesPoolsLimitsAndPlaceholders() {
        RouteTable table = loader.parse(TABLE);
        assertThat(table.pools().get("users").instances()).extracting(instance -> instance.url().toString())
                .containsExactly("http://users:8081", "http://127.0.0.1:9081");
        assertThat(table.pools().get("users").instances().get(0).weight()).isEqualTo(3);
        assertThat(table.pools().get("users").strategy()).isEqualTo(PoolSpec.Strategy.WEIGHTED);
        assertThat(table.rateLimits()).containsKeys("login", "default");
        assertThat(table.corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(table.route("/api/v1/auth/login").map(Route::auth)).contains(Route.Auth.NONE);
        assertThat(table.route("/api/v1/audit/x").map(Route::auth)).as("roles imply a token").contains(Route.Auth.REQUIRED);
        assertThat(table.route("/api/v1/orders").map(Route::timeout)).contains(Duration.ofSeconds(3));
        assertThat(table.route("/api/v1x")).isEmpty();
        assertThat(table.route("/other")).isEmpty();
    }

    @Test
    void everyProblemIsReportedWithItsPlace() {
        assertThatThrownBy(() -> loader.parse("""
                pools:
                  users: { strategy: random, instances: [ "http://x" ] }
                  empty: { instances: [] }
                  bad: { instances: [ "ftp://x" ] }
                routes:
                  - { prefix: api, pool: users }
                  - { prefix: /a, pool: nope, rateLimit: none, auth: maybe }
                  - { prefix: /b, pool: bad, timeout: soon, retries: 9 }
                """)).isInstanceOfSatisfying(RouteTableLoader.InvalidRouteTableException.class, e ->
                assertThat(e.problems()).anyMatch(p -> p.startsWith("pools.users.strategy"))
                        .anyMatch(p -> p.startsWith("pools.empty.instances"))
                        .anyMatch(p -> p.contains("ftp://x"))
                        .anyMatch(p -> p.startsWith("routes[0].prefix"))
                        .anyMatch(p -> p.startsWith("routes[1].pool"))
                        .anyMatch(p -> p.startsWith("routes[1].auth"))
                        .anyMatch(p -> p.startsWith("routes[2].timeout"))
                        .anyMatch(p -> p.startsWith("routes[2].retries")));
        assertThatThrownBy(() -> loader.parse("routes: [")).hasMessageContaining("not valid YAML");
    }

    @Test
    void aChangedFileReplacesTheTableAndABrokenOneIsReportedAndIgnored() throws Exception {
        Path file = Files.createTempFile("routes", ".yaml");
        Files.writeString(file, TABLE);
        try (RouteTableSource source = new RouteTableSource(loader, Optional.of(file))) {
            assertThat(source.reloadIfChanged()).as("unchanged").isFalse();
            Files.writeString(file, TABLE.replace("/api/v1/audit", "/api/v1/audit-log"));
            assertThat(source.reloadIfChanged()).isTrue();
            assertThat(source.get().route("/api/v1/audit-log").map(Route::roles)).hasValueSatisfying(roles ->
                    assertThat(roles).containsExactly("admin"));
            Files.writeString(file, "routes: []");
            assertThat(source.reloadIfChanged()).isFalse();
            assertThat(source.lastError()).contains("routes");
            assertThat(source.get().routes()).hasSize(3);
            assertThat(source.reloads()).isEqualTo(1);
        } finally {
            Files.delete(file);
        }
    }
}
