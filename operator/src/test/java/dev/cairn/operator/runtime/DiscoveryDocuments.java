package dev.cairn.operator.runtime;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import java.util.Map;

/**
 * The discovery documents kubectl reads before it applies anything (legacy, non-aggregated discovery). The CRUD
 * mock answers these paths with empty lists, so kubectl would find no MicroservicePlatform kind.
 */
final class DiscoveryDocuments {

    private static final Map<String, String> DOCUMENTS = Map.of(
            "/api", """
                    {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}""",
            "/apis", """
                    {"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"platform.cairn.dev",
                    "versions":[{"groupVersion":"platform.cairn.dev/v1alpha1","version":"v1alpha1"}],
                    "preferredVersion":{"groupVersion":"platform.cairn.dev/v1alpha1","version":"v1alpha1"}}]}""",
            "/api/v1", """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[]}""",
            "/apis/platform.cairn.dev/v1alpha1", """
                    {"kind":"APIResourceList","apiVersion":"v1","groupVersion":"platform.cairn.dev/v1alpha1",
                    "resources":[{"name":"microserviceplatforms","singularName":"microserviceplatform",
                    "namespaced":true,"kind":"MicroservicePlatform","shortNames":["msp"],
                    "verbs":["create","delete","get","list","patch","update","watch"]},
                    {"name":"microserviceplatforms/status","singularName":"","namespaced":true,
                    "kind":"MicroservicePlatform","verbs":["get","patch","update"]}]}""");

    private DiscoveryDocuments() {
    }

    static void expect(KubernetesMockServer server) {
        DOCUMENTS.forEach((path, body) -> {
            server.expect().get().withPath(path).andReturn(200, body).always();
            server.expect().get().withPath(path + "?timeout=32s").andReturn(200, body).always();
        });
    }
}
