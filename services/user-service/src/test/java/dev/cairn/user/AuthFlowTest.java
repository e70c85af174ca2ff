package dev.cairn.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.json;
import static dev.cairn.user.UserApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Register, log in, call /users/me, refresh, log out; refresh-token rotation; service accounts; discovery. */
@HelidonTest
@AddConfig(key = "cairn.auth.clients", value = "reporting-job")
@AddConfig(key = "cairn.auth.client.reporting-job.secret", value = "s3cret-for-tests-only")
@AddConfig(key = "cairn.auth.client.reporting-job.roles", value = "service,reporting")
class AuthFlowTest {

    @Inject
    WebTarget target;

    private UserApi api() {
        return new UserApi(target);
    }

    @Test
    void registerLoginMeRefreshLogout() {
        UserApi api = api();
        String email = dev.cairn.testsupport.TestDatabases.uniqueEmail("Flow");
        Response registered = expect(api.register(email, UserApi.PASSWORD, "Flow Tester"), 201);
        JsonNode user = json(registered);
        assertThat(registered.getLocation().getPath()).isEqualTo("/api/v1/users/" + user.get("id").asText());
        assertThat(user.get("email").asText()).isEqualTo(email.toLowerCase());
        assertThat(user.get("roles")).extracting(JsonNode::asText).containsExactly("customer");
        assertThat(user.has("passwordHash")).isFalse();

        Response login = expect(api.login(email.toUpperCase(), UserApi.PASSWORD), 200);
        assertThat(login.getHeaderString("Cache-Control")).contains("no-store");
        JsonNode tokens = json(login);
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);

        JsonNode me = json(expect(api.as("/api/v1/users/me", tokens.get("accessToken").asText()).get(), 200));
        assertThat(me.get("id").asText()).isEqualTo(user.get("id").asText());

        JsonNode refreshed = json(expect(api.refresh(tokens.get("refreshToken").asText()), 200));
        assertThat(refreshed.get("refreshToken").asText()).isNotEqualTo(tokens.get("refreshToken").asText());
        expect(api.as("/api/v1/users/me", refreshed.get("accessToken").asText()).get(), 200);

        expect(api.post("/api/v1/auth/logout", Map.of("refreshToken", refreshed.get("refreshToken").asText())), 204);
        problem(api.refresh(refreshed.get("refreshToken").asText()), 401);
        // Logging out twice is harmless.
        expect(api.post("/api/v1/auth/logout", Map.of("refreshToken", refreshed.get("refreshToken").asText())), 204);
    }

    @Test
    void accessTokenCarriesTheContractClaims() throws Exception {
        UserApi.Session session = api().newCustomer("claims");
        String[] parts = session.accessToken().split("\\.");
        JsonNode header = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("kid").asText()).isNotBlank();
        assertThat(claims.get("iss").asText()).isEqualTo("https://cairn.local/auth");
        assertThat(claims.get("aud").isArray() ? claims.get("aud").get(0).asText() : claims.get("aud").asText()).isEqualTo("cairn");
        assertThat(claims.get("sub").asText()).isEqualTo(session.id());
        assertThat(claims.get("upn").asText()).isEqualTo(session.email().toLowerCase());
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactly("customer");
        assertThat(claims.get("jti").asText()).isNotBlank();
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);

        JsonNode jwks = json(expect(target.path("/.well-known/jwks.json").request().get(), 200));
        assertThat(jwks.get("keys")).extracting(key -> key.get("kid").asText()).contains(header.get("kid").asText());
    }

    @Test
    void reusingARefreshTokenRevokesTheWholeFamily() {
        UserApi api = api();
        UserApi.Session session = api.newCustomer("reuse");
        String first = session.refreshToken();
        String second = json(expect(api.refresh(first), 200)).get("refreshToken").asText();

        JsonNode reuse = problem(api.refresh(first), 401);
        assertThat(reuse.get("detail").asText()).contains("already used");
        // The thief's replay also killed the legitimate holder's newer token.
        problem(api.refresh(second), 401);
        // Another login is a new family and works.
        UserApi.Session again = api.relogin(session.id(), session.email());
        expect(api.refresh(again.refreshToken()), 200);
    }

    @Test
    void unknownRefreshTokenIsUnauthorized() {
        JsonNode body = problem(api().refresh("not-a-token-we-issued"), 401);
        assertThat(body.get("detail").asText()).contains("not valid");
    }

    @Test
    void changingThePasswordEndsOtherSessions() {
        UserApi api = api();
        UserApi.Session session = api.newCustomer("pwchange");
        String newPassword = "a brand new long passphrase";
        JsonNode wrongCurrent = problem(api.as("/api/v1/users/me", session.accessToken())
                .method("PATCH", Entity.json(Map.of("password", newPassword, "currentPassword", "nope nope nope"))), 400);
        assertThat(wrongCurrent.get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");

        expect(api.as("/api/v1/users/me", session.accessToken()).method("PATCH",
                Entity.json(Map.of("password", newPassword, "currentPassword", UserApi.PASSWORD, "name", "Renamed"))), 200);
        problem(api.refresh(session.refreshToken()), 401);
        problem(api.login(session.email(), UserApi.PASSWORD), 401);
        expect(api.login(session.email(), newPassword), 200);
    }

    @Test
    void customerDeletesOwnAccount() {
        UserApi api = api();
        UserApi.Session session = api.newCustomer("leaver");
        expect(api.as("/api/v1/users/me", session.accessToken()).delete(), 204);
        problem(api.as("/api/v1/users/me", session.accessToken()).get(), 404);
        problem(api.refresh(session.refreshToken()), 401);
        problem(api.login(session.email(), UserApi.PASSWORD), 401);
    }

    @Test
    void clientCredentialsGrantIssuesAServiceToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString("reporting-job:s3cret-for-tests-only".getBytes(StandardCharsets.UTF_8));
        Response response = expect(target.path("/oauth2/token").request(MediaType.APPLICATION_JSON)
                .header("Authorization", "Basic " + basic)
                .post(Entity.form(new Form("grant_type", "client_credentials"))), 200);
        JsonNode token = json(response);
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(900);
        JsonNode claims = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Base64.getUrlDecoder().decode(token.get("access_token").asText().split("\\.")[1]));
        assertThat(claims.get("sub").asText()).isEqualTo("reporting-job");
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactly("service", "reporting");

        Form inForm = new Form("grant_type", "client_credentials").param("client_id", "reporting-job")
                .param("client_secret", "s3cret-for-tests-only");
        expect(target.path("/oauth2/token").request().post(Entity.form(inForm)), 200);
    }

    @Test
    void clientCredentialsRejectsBadSecretsAndGrants() {
        Form wrongSecret = new Form("grant_type", "client_credentials").param("client_id", "reporting-job")
                .param("client_secret", "guess");
        problem(target.path("/oauth2/token").request().post(Entity.form(wrongSecret)), 401);
        Form unknownClient = new Form("grant_type", "client_credentials").param("client_id", "nobody")
                .param("client_secret", "guess");
        problem(target.path("/oauth2/token").request().post(Entity.form(unknownClient)), 401);
        JsonNode grant = problem(target.path("/oauth2/token").request()
                .post(Entity.form(new Form("grant_type", "password"))), 400);
        assertThat(grant.get("errors").get(0).get("field").asText()).isEqualTo("grant_type");
    }

    @Test
    void discoveryDocumentPointsAtTheKeys() {
        JsonNode discovery = json(expect(target.path("/.well-known/openid-configuration").request().get(), 200));
        assertThat(discovery.get("issuer").asText()).isEqualTo("https://cairn.local/auth");
        assertThat(discovery.get("jwks_uri").asText()).endsWith("/.well-known/jwks.json");
        assertThat(discovery.get("token_endpoint").asText()).endsWith("/oauth2/token");
        JsonNode jwks = json(expect(target.path("/.well-known/jwks.json").request().get(), 200));
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        assertThat(key.has("d")).as("private exponent must never be published").isFalse();
    }

    @Test
    void metricsCountRegistrationsAndLogins() {
        UserApi api = api();
        api.newCustomer("metrics");
        problem(api.login(dev.cairn.testsupport.TestDatabases.uniqueEmail("ghost"), UserApi.PASSWORD), 401);
        String metrics = target.path("/metrics").request(MediaType.TEXT_PLAIN).get(String.class);
        assertThat(metrics).contains("cairn_users_registered_total");
        assertThat(metrics).containsPattern("cairn_auth_logins_total\\{[^}]*result=\"success\"");
        assertThat(metrics).containsPattern("cairn_auth_logins_total\\{[^}]*result=\"failure\"");
        assertThat(metrics).contains("cairn_token_issue_seconds");
    }
}
