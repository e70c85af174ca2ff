package dev.cairn.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's HTTP API as tests call it: requests with an optional bearer token, and checked responses. */
public class ApiClient {

    /** Lets Jersey's HttpURLConnection client send PATCH (needs {@code --add-opens java.base/java.net}). */
    private static final String SET_METHOD_WORKAROUND = "jersey.config.client.httpUrlConnection.setMethodWorkaround";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebTarget target;

    public ApiClient(WebTarget target) {
        this.target = target;
    }

    /** A request to {@code path} (which may carry an already-encoded query) with the bearer token, if not null. */
    public Invocation.Builder request(String path, String bearerToken) {
        String[] pathAndQuery = path.split("\\?", 2);
        WebTarget resolved = target.path(pathAndQuery[0]);
        if (pathAndQuery.length == 2) {
            for (String pair : pathAndQuery[1].split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                resolved = resolved.queryParam(nameAndValue[0], nameAndValue.length == 2 ? nameAndValue[1] : "");
            }
        }
        Invocation.Builder request = resolved.request(MediaType.APPLICATION_JSON).property(SET_METHOD_WORKAROUND, true);
        return bearerToken == null ? request : request.header("Authorization", "Bearer " + bearerToken);
    }

    /** POSTs {@code body} as JSON. */
    public Response post(String path, Object body, String bearerToken) {
        return request(path, bearerToken).post(Entity.json(body));
    }

    /** Asserts the status (showing the body when it differs) and returns the response. */
    public static Response expect(Response response, int status) {
        if (response.getStatus() != status) {
            response.bufferEntity();
            assertThat(response.getStatus()).as(response.readEntity(String.class)).isEqualTo(status);
        }
        return response;
    }

    /** The body as a JSON tree. */
    public static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (IOException e) {
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
