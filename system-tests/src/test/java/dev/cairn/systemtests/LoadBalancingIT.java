package dev.cairn.systemtests;

import dev.cairn.launcher.infra.Ports;
import dev.cairn.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway in front of a service with two instances: a second user-service (same datastores and keys, started
 * with the environment `cairn up` gave the first) joins the pool through the route table file, which the gateway
 * re-reads while running. Traffic is shared; a pool whose only instance is cut off opens its circuit breaker and
 * closes it again after recovery; a strict rate-limit class answers 429 with its headers at the configured rate.
 */
@Order(4)
@ExtendWith(SharedPlatform.class)
class LoadBalancingIT {

    private static final SuiteReport REPORT = new SuiteReport("LoadBalancingIT");
    private static Process second;
    private static int secondPort;
    private static TcpProxy toSecond;
    private static RouteTable standard;

    @BeforeAll
    static void secondUserService(Platform platform) throws Exception {
        standard = RouteTable.standard(platform.portOffset());
        secondPort = Ports.freePort();
        Instant begin = Instant.now();
        second = platform.startSecondInstance("user-service", secondPort);
        REPORT.timing("second user-service ready", Duration.between(begin, Instant.now()));
        toSecond = new TcpProxy("127.0.0.1", secondPort);
    }

    @AfterAll
    static void restore(Platform platform) throws Exception {
        try {
            Files.writeString(platform.routesFile(), standard.yaml());
            await().atMost(20, TimeUnit.SECONDS).until(() ->
                    !platform.call("GET", "/api/v1/admin/gateway", platform.admin(), null).body().contains("spare"));
        } finally {
            if (toSecond != null) {
                toSecond.close();
            }
            if (second != null) {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
            REPORT.write();
        }
    }

    private static void useRoutes(Platform platform, RouteTable table, String marker) throws IOException {
        Files.writeString(platform.routesFile(), table.yaml());
        await().atMost(20, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() ->
                platform.call("GET", "/api/v1/admin/gateway", platform.admin(), null).body().contains(marker));
    }

    private static double served(String baseUrl) throws Exception {
        String metrics = Http.send(baseUrl, "GET", "/metrics", null, null).body();
        return Metrics.sum(metrics, "cairn_http_server_requests_total", Map.of("method", "GET", "route", "/api/v1/users/me"));
    }

    @Test
    void twoInstancesBehindTheGatewayShareTheTraffic(Platform platform) throws Exception {
        String secondUrl = "http://127.0.0.1:" + secondPort;
        useRoutes(platform, standard.withPool("users", List.of(platform.direct("user-service"), secondUrl)), secondUrl);
        Platform.Customer customer = platform.newCustomer("balanced");
        // both instances healthy in the gateway's eyes before counting
        await().atMost(20, TimeUnit.SECONDS).until(() ->
                platform.call("GET", "/api/v1/admin/gateway", platform.admin(), null).body().contains("2/2 available")
                        || Platform.json(platform.call("GET", "/api/v1/admin/gateway", platform.admin(), null))
                        .findValues("healthy").stream().filter(v -> v.asBoolean()).count() >= 5);
        double firstBefore = served(platform.direct("user-service"));
        double secondBefore = served(secondUrl);
        int requests = 200;
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> me = platform.call("GET", "/api/v1/users/me", customer.token(), null);
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        }
        double first = served(platform.direct("user-service")) - firstBefore;
        double other = served(secondUrl) - secondBefore;
        REPORT.fact("requests per instance", (long) first + " / " + (long) other);
        REPORT.count("balanced requests", requests);
        assertThat(first + other).isEqualTo(requests);
        assertThat(first).as("round robin: each instance within 10 %% of half").isBetween(requests * 0.4, requests * 0.6);
    }

    @Test
    void theCircuitBreakerOpensWhenTheServiceIsDownAndClosesAfterItRecovers(Platform platform) throws Exception {
        String proxied = "http://127.0.0.1:" + toSecond.port();
        useRoutes(platform, standard.withPool("spare", List.of(proxied))
                .withRoute("{ prefix: /.well-known/openid-configuration, pool: spare, auth: none, retries: 0 }"), proxied);
        await().atMost(20, TimeUnit.SECONDS).until(() ->
                platform.call("GET", "/.well-known/openid-configuration", null, null).statusCode() == 200);

        toSecond.cut();
        Instant down = Instant.now();
        List<Integer> statuses = new ArrayList<>();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpResponse<String> answer = platform.call("GET", "/.well-known/openid-configuration", null, null);
            statuses.add(answer.statusCode());
            assertThat(answer.statusCode()).as(answer.body()).isIn(502, 503, 504);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(platform.metric("gateway", "cairn_gateway_circuit_state", Map.of("pool", "spare"))).isEqualTo(1.0);
        });
        REPORT.timing("breaker open after the upstream went down", Duration.between(down, Instant.now()));
        REPORT.fact("answers while down", statuses);

        toSecond.restore();
        Instant up = Instant.now();
        await().atMost(40, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(platform.call("GET", "/.well-known/openid-configuration", null, null).statusCode()).isEqualTo(200);
            assertThat(platform.metric("gateway", "cairn_gateway_circuit_state", Map.of("pool", "spare"))).isZero();
        });
        REPORT.timing("breaker closed after the upstream came back", Duration.between(up, Instant.now()));
    }

    @Test
    void aStrictRateLimitClassAnswers429WithItsHeadersAtTheConfiguredRate(Platform platform) throws Exception {
        useRoutes(platform, standard.withRoute("{ prefix: /api/v1/users/me, pool: users, auth: required, rateLimit: profile }"),
                "/api/v1/users/me");
        Platform.Customer limited = platform.newCustomer("limited");
        double limitedBefore = platform.metric("gateway", "cairn_gateway_rate_limited_total",
                Map.of("route", "/api/v1/users/me", "class", "profile"));
        List<HttpResponse<String>> burst = new ArrayList<>();
        for (int i = 0; i < RouteTable.PROFILE_BURST + 2; i++) {
            burst.add(platform.call("GET", "/api/v1/users/me", limited.token(), null));
        }
        assertThat(burst.subList(0, RouteTable.PROFILE_BURST)).allSatisfy(ok -> {
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).isPresent();
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).isPresent();
            assertThat(ok.headers().firstValue("RateLimit-Reset")).isPresent();
        });
        HttpResponse<String> refused = burst.get(burst.size() - 1);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(Platform.json(refused).get("status").asInt()).isEqualTo(429);

        // another user has a budget of their own
        Platform.Customer other = platform.newCustomer("unlimited");
        assertThat(platform.call("GET", "/api/v1/users/me", other.token(), null).statusCode()).isEqualTo(200);

        // sustained: over 3 s of back-to-back requests, about rate x 3 pass (the bucket was empty)
        Instant end = Instant.now().plusSeconds(3);
        int passed = 0;
        int sent = 0;
        while (Instant.now().isBefore(end)) {
            sent++;
            if (platform.call("GET", "/api/v1/users/me", limited.token(), null).statusCode() == 200) {
                passed++;
            }
        }
        REPORT.fact("sustained: passed of sent in 3 s", passed + " of " + sent);
        assertThat(passed).as("%s of %s requests passed in 3 s at %s/s", passed, sent, RouteTable.PROFILE_RATE)
                .isBetween(RouteTable.PROFILE_RATE * 3 - 2, RouteTable.PROFILE_RATE * 3 + 2);
        assertThat(platform.metric("gateway", "cairn_gateway_rate_limited_total",
                Map.of("route", "/api/v1/users/me", "class", "profile"))).isEqualTo(limitedBefore + 2 + (sent - passed));
        REPORT.count("rate-limited requests", 2 + sent - passed);
    }
}
