package dev.cairn.operator.api;

import dev.cairn.operator.testing.MockKubernetes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedCrdTest {

    private static final String FILE = "microserviceplatforms.platform.cairn.dev.yaml";

    @Test
    void committedCrdIsTheOneTheBuildGenerates() throws IOException {
        Path generated = MockKubernetes.generatedCrd();
        Path committed = MockKubernetes.repoRoot().resolve("crds").resolve(FILE);

        assertThat(generated).exists();
        assertThat(committed).as("crds/%s is missing", FILE).exists();
        assertThat(Files.readString(committed))
                .as("crds/%s differs from the CRD generated from operator/src/main/java/dev/cairn/operator/api; "
                        + "after changing the model run: cp %s %s", FILE, generated, committed)
                .isEqualTo(Files.readString(generated));
    }
}
