package dev.cairn.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.dsl.HttpMethod;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fabric8 CRUD mock answers server-side apply patches ({@code application/apply-patch+yaml}) with 415. This
 * shim turns an apply into what the API server would do for a single field manager: create when the object does
 * not exist, otherwise an update to the live object with the applied fields merged in (RFC 7386 merge: lists are
 * replaced, fields the apply leaves out keep their live value, e.g. replicas owned by the autoscaler). It also records every write, so tests can check
 * that a reconciliation wrote nothing.
 */
final class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> writes = new CopyOnWriteArrayList<>();

    List<String> writes() {
        return writes;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (request.method() != HttpMethod.GET) {
            writes.add(request.getMethod() + " " + request.getPath());
        }
        String contentType = request.getHeader("Content-Type");
        if (request.method() == HttpMethod.PATCH && contentType != null) {
            if (contentType.contains("apply-patch")) {
                return apply(request);
            }
            if (contentType.contains("merge-patch")) {
                return merge(pathWithoutQuery(request), request.getBody().readUtf8());
            }
        }
        return super.dispatch(request);
    }

    private static String pathWithoutQuery(RecordedRequest request) {
        String path = request.getPath();
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private MockResponse apply(RecordedRequest request) {
        String path = pathWithoutQuery(request);
        String json;
        try {
            json = JSON.writeValueAsString(YAML.readTree(request.getBody().readUtf8()));
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400).setBody("unreadable apply patch: " + e.getMessage());
        }
        if (!path.endsWith("/status") && handleGet(path).code() != 200) {
            String collection = path.substring(0, path.lastIndexOf('/'));
            return handleCreate(request(HttpMethod.POST, collection, "application/json", json));
        }
        return merge(path, json);
    }

    /**
     * A real JSON merge patch (the CRUD mock appends to lists when it merges): merged here, then handed to the mock
     * as a JSON patch that sets each top-level field the patch touches.
     */
    private MockResponse merge(String path, String patchJson) {
        String objectPath = path.endsWith("/status") ? path.substring(0, path.length() - "/status".length()) : path;
        MockResponse current = handleGet(objectPath);
        if (current.code() != 200) {
            return current;
        }
        try {
            JsonNode patch = JSON.readTree(patchJson);
            JsonNode live = JSON.readTree(current.getBody().readUtf8());
            JsonNode merged = mergePatch(live, patch);
            ArrayNode operations = JSON.createArrayNode();
            patch.fieldNames().forEachRemaining(field -> {
                if (merged.has(field)) {
                    operations.addObject().put("op", "add").put("path", "/" + field).set("value", merged.get(field));
                } else if (live.has(field)) {
                    operations.addObject().put("op", "remove").put("path", "/" + field);
                }
            });
            return handlePatch(request(HttpMethod.PATCH, path, "application/json-patch+json",
                    JSON.writeValueAsString(operations)));
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400).setBody(e.getMessage());
        }
    }

    /** RFC 7386: objects merge recursively, everything else (lists included) is replaced, null removes. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JSON.createObjectNode();
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        });
        return result;
    }

    private static RecordedRequest request(HttpMethod method, String path, String contentType, String body) {
        return new RecordedRequest("HTTP/1.1", method, path,
                Headers.builder().add("Content-Type", contentType).build(), new Buffer().writeUtf8(body));
    }
}
