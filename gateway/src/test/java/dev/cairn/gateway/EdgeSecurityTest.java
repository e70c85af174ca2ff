package dev.cairn.gateway;

import dev.cairn.commons.logging.LogField;
import dev.cairn.testsupport.TestTokens;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.cairn.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Authentication and authorization at the edge (the JWT attack suite, the role matrix), hostile paths and headers,
 * the body limit, security headers, CORS and what the upstream is told.
 */
@HelidonTest
class EdgeSecurityTest {

    @Inject
    WebTarget target;

    private GatewayClient gateway() {
        return new GatewayClient(target.getUri());
    }

    @Test
    void everyForgedOrBrokenTokenIsA401BeforeTheUpstreamSeesIt() {
        String subject = UUID.randomUUID().toString();
        int served = GatewayRig.ECHO.served();
        for (Map.Entry<String, String> forged : TestTokens.shared().forgeries(subject, "victim@test.cairn.dev").entrySet()) {
            HttpResponse<String> response = gateway().get("/secure/me", "Authorization", "Bearer " + forged.getValue());
            assertThat(response.statusCode()).as(forged.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(forged.getKey()).contains("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(forged.getKey()).hasValueSatisfying(value ->
                    assertThat(value).startsWith("Bearer"));
        }
        assertThat(gateway().get("/secure/me").statusCode()).as("no token").isEqualTo(401);
        assertThat(gateway().get("/secure/me", "Authorization", "Basic YTpi").statusCode()).as("not bearer").isEqualTo(401);
        assertThat(GatewayRig.ECHO.served()).isEqualTo(served);
        assertThat(gateway().get("/secure/me", "Authorization", "Bearer " + GatewayTokens.customer(subject)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void rolesAreEnforcedPerRoute() {
        String customer = GatewayTokens.customer(UUID.randomUUID().toString());
        assertThat(gateway().get("/admin-only/x").statusCode()).isEqualTo(401);
        assertThat(gateway().get("/admin-only/x", "Authorization", "Bearer " + customer).statusCode()).isEqualTo(403);
        assertThat(gateway().get("/admin-only/x", "Authorization", "Bearer " + GatewayTokens.admin()).statusCode()).isEqualTo(200);
        assertThat(gateway().get("/api/v1/admin/gateway", "Authorization", "Bearer " + customer).statusCode()).isEqualTo(403);
        assertThat(gateway().get("/api/v1/admin/gateway").statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefusedAndAFreshOneWorks() {
        String subject = UUID.randomUUID().toString();
        String expired = TestTokens.shared().forgeries(subject, "x@test.cairn.dev").get("expired");
        assertThat(gateway().get("/secure/x", "Authorization", "Bearer " + expired).statusCode()).isEqualTo(401);
        assertThat(gateway().get("/secure/x", "Authorization", "Bearer " + GatewayTokens.customer(subject)).statusCode())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/echo/../admin-only/x", "/echo/%2e%2e/admin-only", "/echo/..%2fadmin-only", "/echo%2fx",
            "/echo//x", "/echo/%252e%252e/x", "/echo/%00", "/echo/a\\b", "/echo/./x", "/echo/%5c..%5cx"})
    void traversalAndEncodingTricksAreRefused(String path) {
        int status = gateway().raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(status).as(path).isBetween(400, 499);
    }

    @Test
    void headerInjectionAndOversizedHeadersAreRefused() {
        assertThat(gateway().raw("GET /echo/x HTTP/1.1\r\nHost: localhost\r\nX-Evil: a\rInjected: b\r\nConnection: close\r\n\r\n"))
                .isBetween(400, 499);
        assertThat(gateway().raw("GET /echo/x HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n Injected: b\r\nConnection: close\r\n\r\n"))
                .isBetween(400, 499);
        assertThat(gateway().raw("GET /echo/x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n")).isBetween(400, 499);
        assertThat(gateway().raw("TRACE /echo/x HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).isEqualTo(405);
    }

    @Test
    void aBodyOverOneMebibyteIsA413AndNeverReachesTheUpstream() {
        int served = GatewayRig.ECHO.served();
        HttpResponse<String> response = gateway().send(gateway().request("/echo/upload")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])), "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("status").asInt()).isEqualTo(413);
        assertThat(GatewayRig.ECHO.served()).isEqualTo(served);
        HttpResponse<String> fine = gateway().send(gateway().request("/echo/upload")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024])), "Content-Type", "application/json");
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(json(fine).get("bodyLength").asInt()).isEqualTo(1024 * 1024);
    }

    @Test
    void responsesCarrySecurityHeadersAndNoServerHeader() {
        for (String path : new String[] {"/echo/x", "/health/ready", "/no-route-here"}) {
            HttpResponse<String> response = gateway().get(path);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isPresent();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(response.headers().firstValue("X-Request-Id")).as(path).isPresent();
        }
        assertThat(gateway().get("/no-route-here").statusCode()).isEqualTo(404);
    }

    @Test
    void theUpstreamIsToldWhoAsksAndTheTraceGoesOn() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String token = GatewayTokens.customer(UUID.randomUUID().toString());
        HttpResponse<String> response = gateway().get("/echo/path/x?b=2&a=%20y", "traceparent", traceparent,
                "X-Request-Id", "req-123", "Proxy-Authorization", "Basic c2VjcmV0", "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var echoed = json(response);
        assertThat(echoed.get("path").asText()).isEqualTo("/echo/path/x");
        assertThat(echoed.get("query").asText()).isEqualTo("b=2&a=%20y");
        var headers = echoed.get("headers");
        // the same trace, continued by the gateway's own span for this upstream call
        assertThat(headers.get("traceparent").asText())
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                .isNotEqualTo(traceparent);
        assertThat(headers.get("x-request-id").asText()).isEqualTo("req-123");
        assertThat(headers.get("x-forwarded-for").asText()).isEqualTo("127.0.0.1");
        assertThat(headers.get("x-forwarded-proto").asText()).isEqualTo("http");
        assertThat(headers.get("authorization").asText()).isEqualTo("Bearer " + token);
        assertThat(headers.has("proxy-authorization")).as("hop-by-hop header").isFalse();
        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-123");

        var generated = json(gateway().get("/echo/x")).get("headers");
        assertThat(generated.get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(generated.get("x-request-id").asText()).isNotBlank();
    }

    @Test
    void everyProxiedRequestIsOneAccessLogLineWithoutSecrets() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger access = Logger.getLogger("dev.cairn.gateway.access");
        Level level = access.getLevel();
        access.setLevel(Level.INFO);
        access.addHandler(capture);
        try {
            String token = GatewayTokens.customer(UUID.randomUUID().toString());
            gateway().get("/echo/logged?email=ada@example.com", "Authorization", "Bearer " + token, "X-Request-Id", "log-1");
            // written once the response is on its way, so it may come a moment after the client has it
            LogRecord line = await().atMost(Duration.ofSeconds(5)).until(() -> records.stream()
                    .filter(record -> record.getMessage().contains("/echo/logged")).findFirst(), Optional::isPresent)
                    .orElseThrow();
            Map<String, Object> fields = new HashMap<>();
            for (Object parameter : line.getParameters()) {
                LogField field = (LogField) parameter;
                fields.put(field.name(), field.value());
            }
            assertThat(fields).containsEntry("method", "GET").containsEntry("path", "/echo/logged")
                    .containsEntry("status", 200).containsEntry("route", "/echo").containsEntry("upstream", "echo")
                    .containsEntry("requestId", "log-1").containsKeys("durationMs", "client", "traceId");
            assertThat(line.getMessage() + fields).doesNotContain(token).doesNotContain("ada@example.com");
        } finally {
            access.removeHandler(capture);
            access.setLevel(level);
        }
    }

    @Test
    void corsFollowsTheConfiguredOrigins() {
        HttpResponse<String> preflight = gateway().send(gateway().request("/echo/x")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "Origin", "https://shop.example",
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Authorization");
        HttpResponse<String> foreign = gateway().send(gateway().request("/echo/x")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()), "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(gateway().get("/echo/x", "Origin", "https://shop.example").headers()
                .firstValue("Access-Control-Allow-Origin")).contains("https://shop.example");
        assertThat(gateway().get("/echo/x", "Origin", "https://evil.example").headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
