package dev.cairn.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.user.service.Accounts;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.json;
import static dev.cairn.user.UserApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and broken input: always a 4xx problem with the field named, never a 500. */
@HelidonTest
class BadInputTest {

    @Inject
    WebTarget target;
    @Inject
    Accounts accounts;

    private Response postRaw(String path, String body) {
        return target.path(path).request(MediaType.APPLICATION_JSON).post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    private static String field(JsonNode problem) {
        return problem.get("errors").get(0).get("field").asText();
    }

    @Test
    void duplicateEmailIsAConflictWhateverItsCase() {
        UserApi api = new UserApi(target);
        String email = TestDatabases.uniqueEmail("Dup");
        expect(api.register(email, UserApi.PASSWORD, "First"), 201);
        JsonNode conflict = problem(api.register(email.toUpperCase(), UserApi.PASSWORD, "Second"), 409);
        assertThat(conflict.get("detail").asText()).contains("already exists");
        problem(api.register("  " + email + " ", UserApi.PASSWORD, "Third"), 400);
    }

    @Test
    void weakPasswordsAreRejectedWithTheFieldNamed() {
        UserApi api = new UserApi(target);
        String email = TestDatabases.uniqueEmail("weak");
        assertThat(field(problem(api.register(email, "short", "Weak"), 400))).isEqualTo("password");
        JsonNode sameAsEmail = problem(api.register(email, email, "Weak"), 400);
        assertThat(field(sameAsEmail)).isEqualTo("password");
        assertThat(sameAsEmail.get("detail").asText()).contains("email");
        assertThat(field(problem(api.register(email, "x".repeat(129), "Weak"), 400))).isEqualTo("password");
        assertThat(field(problem(api.register(email, "            ", "Weak"), 400))).isEqualTo("password");
    }

    @Test
    void invalidFieldsAreListed() {
        JsonNode body = problem(new UserApi(target).register("not-an-email", "", ""), 400);
        assertThat(body.get("errors")).extracting(error -> error.get("field").asText())
                .contains("email", "name");
    }

    @Test
    void malformedJsonIsABadRequest() {
        problem(postRaw("/api/v1/auth/register", "{\"email\": \"a@b.c\", "), 400);
        problem(postRaw("/api/v1/auth/login", "[]"), 400);
        problem(postRaw("/api/v1/auth/login", ""), 400);
    }

    @Test
    void unknownFieldsAreRejected() {
        JsonNode body = problem(postRaw("/api/v1/auth/register", "{\"email\":\"" + TestDatabases.uniqueEmail("extra")
                + "\",\"password\":\"" + UserApi.PASSWORD + "\",\"name\":\"X\",\"roles\":[\"admin\"]}"), 400);
        assertThat(body.toString()).contains("roles");
    }

    @Test
    void oversizedBodyIsRejected() throws Exception {
        String huge = "{\"email\":\"big@test.cairn.dev\",\"password\":\"" + UserApi.PASSWORD + "\",\"name\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}";
        // Expect: 100-continue lets the server refuse by Content-Length before the client sends 2 MiB into a closed
        // connection (which some clients report as a write error instead of the 413).
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(target.path("/api/v1/auth/register").getUri())
                        .header("Content-Type", "application/json")
                        .expectContinue(true)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        problem(target.path("/api/v1/auth/login").request().post(Entity.text("email=a&password=b")), 415);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Robert'); DROP TABLE users;--", "' OR '1'='1", "%_\\", "<script>alert(1)</script>"})
    void injectionLookingNamesAreStoredVerbatim(String name) {
        UserApi api = new UserApi(target);
        String email = TestDatabases.uniqueEmail("o'brien");
        JsonNode user = json(expect(api.register(email, UserApi.PASSWORD, name), 201));
        assertThat(user.get("name").asText()).isEqualTo(name);
        UserApi.Session session = api.relogin(user.get("id").asText(), email);
        JsonNode me = json(expect(api.as("/api/v1/users/me", session.accessToken()).get(), 200));
        assertThat(me.get("name").asText()).isEqualTo(name);
        assertThat(me.get("email").asText()).isEqualTo(email.toLowerCase());
    }

    @Test
    void injectionLookingSearchesMatchLiterally() {
        UserApi api = new UserApi(target);
        String adminEmail = TestDatabases.uniqueEmail("search-admin");
        accounts.ensureAdmin(adminEmail, UserApi.PASSWORD);
        String token = api.relogin(null, adminEmail).accessToken();
        for (String query : new String[] {"' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE users; --"}) {
            JsonNode page = json(expect(api.as("/api/v1/users?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                    token).get(), 200));
            page.get("items").forEach(item -> assertThat(item.get("email").asText() + item.get("name").asText())
                    .containsIgnoringCase(query));
        }
    }

    @Test
    void injectionLookingLoginsAreJustWrong() {
        UserApi api = new UserApi(target);
        problem(api.login("' OR '1'='1", "' OR '1'='1"), 401);
        problem(api.login("admin'--@example.com", "whatever whatever"), 401);
    }

    @Test
    void malformedIdsAndMissingBodiesAreClientErrors() {
        UserApi api = new UserApi(target);
        UserApi.Session session = api.newCustomer("badids");
        problem(api.as("/api/v1/users/not-a-uuid", session.accessToken()).get(), 404);
        problem(target.path("/api/v1/auth/refresh").request().post(Entity.json("{}")), 400);
        problem(target.path("/api/v1/auth/refresh").request().post(Entity.json("null")), 400);
        problem(api.as("/api/v1/users/me", session.accessToken()).method("PATCH", Entity.json(Map.of("name", "   "))), 400);
    }
}
