package dev.cairn.operator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import io.fabric8.mockwebserver.dsl.HttpMethod;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fabric8 mock API server in CRUD mode over plain HTTP on a free port, with the server-side-apply shim
 * ({@link ApplyingCrudDispatcher}), recorded expectations taking precedence, and the MicroservicePlatform CRD
 * installed from the generated YAML.
 */
public final class MockKubernetes implements AutoCloseable {

    private final Map<ServerRequest, Queue<ServerResponse>> responses = new ConcurrentHashMap<>();
    private final ApplyingCrudDispatcher crud = new ApplyingCrudDispatcher();
    private final KubernetesMockServer server;
    private final NamespacedKubernetesClient client;

    private MockKubernetes() {
        MockDispatcher expectations = new MockDispatcher(responses);
        Dispatcher dispatcher = new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Queue<ServerResponse> queue = responses.get(new SimpleRequest(
                        HttpMethod.valueOf(request.getMethod()), request.getPath()));
                return queue != null && !queue.isEmpty() ? expectations.dispatch(request) : crud.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
                dispatcher, false);
        server.init();
        client = server.createClient();
        installCrd();
    }

    public static MockKubernetes start() {
        return new MockKubernetes();
    }

    public NamespacedKubernetesClient client() {
        return client;
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** http://localhost:port/ */
    public String url() {
        return server.url("/");
    }

    /** Every non-GET request so far, as {@code METHOD path}. */
    public List<String> writes() {
        return List.copyOf(crud.writes());
    }

    /** Forgets the writes recorded so far. */
    public void clearWrites() {
        crud.writes().clear();
    }

    private void installCrd() {
        try (InputStream crd = Files.newInputStream(generatedCrd())) {
            client.apiextensions().v1().customResourceDefinitions()
                    .resource(client.getKubernetesSerialization().unmarshal(crd, CustomResourceDefinition.class))
                    .create();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the generated CRD " + generatedCrd(), e);
        }
        clearWrites();
    }

    /** The CRD the build generated from the api.v1alpha1 classes. */
    public static Path generatedCrd() {
        return Path.of(System.getProperty("cairn.crd.generated",
                "target/classes/META-INF/fabric8/microserviceplatforms.platform.cairn.dev-v1.yml"));
    }

    /** The repository's root directory. */
    public static Path repoRoot() {
        return Path.of(System.getProperty("cairn.repo.root", "..")).toAbsolutePath().normalize();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
