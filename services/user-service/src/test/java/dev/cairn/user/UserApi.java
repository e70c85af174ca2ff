package dev.cairn.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.ApiClient;
import dev.cairn.testsupport.TestDatabases;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** The user service's HTTP API as the tests call it. */
public final class UserApi extends ApiClient {

    /** A password that satisfies the policy. */
    public static final String PASSWORD = "correct horse battery staple";

    public UserApi(WebTarget target) {
        super(target);
    }

    /** A registered account and its tokens. */
    public record Session(String id, String email, String accessToken, String refreshToken) {
    }

    public Response post(String path, Object body) {
        return post(path, body, null);
    }

    public Invocation.Builder as(String path, String accessToken) {
        return request(path, accessToken);
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
}
