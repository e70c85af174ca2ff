package dev.cairn.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.testsupport.TestDatabases;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;

import java.io.UncheckedIOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The user service's HTTP API as the tests call it. */
public final class UserApi {

    /** A password that satisfies the policy. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebTarget target;

    public UserApi(WebTarget target) {
        this.target = target;
    }

    /** A registered account and its tokens. */
    public record Session(String id, String email, String accessToken, String refreshToken) {
    }

    public Response post(String path, Object body) {
        return target.path(path).request(MediaType.APPLICATION_JSON).post(Entity.json(body));
    }

    /** A request to {@code path} (which may carry an already-encoded query) with the bearer token, if any. */
    public Invocation.Builder as(String path, String accessToken) {
        WebTarget resolved = target;
        String[] pathAndQuery = path.split("\\?", 2);
        resolved = resolved.path(pathAndQuery[0]);
        if (pathAndQuery.length == 2) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                resolved = resolved.queryParam(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        Invocation.Builder request = resolved.request(MediaType.APPLICATION_JSON)
                .property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true);
        return accessToken == null ? request : request.header("Authorization", "Bearer " + accessToken);
    }

    public Response register(String email, String password, String name) {
        return post("/api/v1/auth/register", Map.of("email", email, "password", password, "name", name));
    }

    public Response login(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    public Response refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    /** Registers a new customer with a unique email and logs in. */
    public Session newCustomer(String who) {
        String email = TestDatabases.uniqueEmail(who);
        JsonNode user = json(expect(register(email, PASSWORD, who), 201));
        JsonNode tokens = json(expect(login(email, PASSWORD), 200));
        return new Session(user.get("id").asText(), email, tokens.get("accessToken").asText(),
                tokens.get("refreshToken").asText());
    }

    /** Logs in again as {@code email}. */
    public Session relogin(String id, String email) {
        JsonNode tokens = json(expect(login(email, PASSWORD), 200));
        return new Session(id, email, tokens.get("accessToken").asText(), tokens.get("refreshToken").asText());
    }

    public static Response expect(Response response, int status) {
        if (response.getStatus() != status) {
            response.bufferEntity();
            assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(status);
        }
        return response;
    }

    public static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts a problem+json body with the status and returns it. */
    public static JsonNode problem(Response response, int status) {
        expect(response, status);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("type").asText()).startsWith("https://cairn.dev/problems/");
        return body;
    }
}
