package dev.cairn.operator.runtime;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.testing.MockKubernetes;
import dev.cairn.operator.testing.Platforms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** kubectl (the real client) applies examples/platform.yaml to the mock API server. */
class KubectlApplyIT {

    private static final Path KUBECTL = findKubectl();

    private final String namespace = Platforms.namespace();
    private MockKubernetes kubernetes;
    private Path kubeconfig;

    /** kubectl from PATH, else /usr/bin/kubectl. */
    private static Path findKubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, "kubectl");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return Path.of("/usr/bin/kubectl");
    }

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(KUBECTL), "kubectl is not installed (PATH or /usr/bin/kubectl)");
        kubernetes = MockKubernetes.start();
        DiscoveryDocuments.expect(kubernetes.server());
        kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster: { server: "%s" }
                users:
                  - name: test
                    user: { token: secret }
                contexts:
                  - name: mock
                    context: { cluster: mock, user: test, namespace: %s }
                current-context: mock
                """.formatted(kubernetes.url().replaceAll("/$", ""), namespace));
    }

    @AfterEach
    void stop() throws IOException {
        if (kubernetes != null) {
            kubernetes.close();
            Files.deleteIfExists(kubeconfig);
        }
    }

    private String kubectl(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = KUBECTL.toString();
        command[1] = "--kubeconfig";
        command[2] = kubeconfig.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl %s: %s", String.join(" ", args), output).isZero();
        return output;
    }

    @Test
    void appliesTheExamplePlatform() throws Exception {
        Path example = MockKubernetes.repoRoot().resolve("examples/platform.yaml");

        String output = kubectl("apply", "--validate=false", "-f", example.toString());

        assertThat(output).contains("microserviceplatform.platform.cairn.dev/cairn created");
        MicroservicePlatform applied = kubernetes.client().resources(MicroservicePlatform.class)
                .inNamespace(namespace).withName("cairn").get();
        assertThat(applied.getSpec().getServices()).hasSize(4);
        assertThat(applied.getSpec().getGateway().getAutoscaling().getTarget()).isEqualTo(200.0);
    }
}
