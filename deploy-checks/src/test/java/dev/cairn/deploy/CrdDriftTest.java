package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** helm/cairn/crds/ is exactly the generated crds/ (CONTRACT.md section 5): same files, same bytes. */
class CrdDriftTest {

    @Test
    void chartCrdsAreByteForByteTheGeneratedCrds() throws IOException {
        Path generated = Repo.path("crds");
        Path chart = Chart.directory().resolve("crds");
        List<Path> generatedFiles = Crds.files(generated);

        assertThat(generatedFiles).as("crds/ holds the generated CRDs (built by the operator module)").isNotEmpty();
        assertThat(Crds.files(chart).stream().map(p -> p.getFileName().toString()))
                .as("copy them with: cp crds/* helm/cairn/crds/")
                .containsExactlyElementsOf(generatedFiles.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : generatedFiles) {
            long firstDifference = Files.mismatch(file, chart.resolve(file.getFileName().toString()));
            assertThat(firstDifference)
                    .as("helm/cairn/crds/%s differs from crds/ from byte %d on: cp crds/* helm/cairn/crds/",
                            file.getFileName(), firstDifference)
                    .isEqualTo(-1L);
        }
    }

    @Test
    void chartCrdDefinesTheMicroservicePlatformOfTheContract() {
        JsonNode crd = Yaml.single(Crds.files(Chart.directory().resolve("crds")).getFirst());

        assertThat(crd.at("/spec/group").asText()).isEqualTo("platform.cairn.dev");
        assertThat(crd.at("/spec/names/kind").asText()).isEqualTo("MicroservicePlatform");
        assertThat(crd.at("/spec/names/shortNames").toString()).contains("\"msp\"");
        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
        assertThat(crd.at("/spec/versions").findValuesAsText("name")).contains("v1alpha1");
    }

    @Test
    void valuesSchemaAcceptsEveryPlatformFieldTheCrdDefines() {
        JsonNode crdSpec = Yaml.single(Crds.files(Repo.path("crds")).getFirst())
                .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties");
        JsonNode valuesPlatform = Yaml.json(Chart.directory().resolve("values.schema.json"))
                .at("/properties/platform/properties");

        for (String section : List.of("gateway", "datastores", "auth", "observability")) {
            assertThat(fieldNames(valuesPlatform.at("/" + section + "/properties"))).as(section)
                    .isEqualTo(fieldNames(crdSpec.at("/" + section + "/properties")));
        }
        assertThat(fieldNames(valuesPlatform.at("/services/items/properties")))
                .isEqualTo(fieldNames(crdSpec.at("/services/items/properties")));
        assertThat(fieldNames(valuesPlatform.at("/gateway/properties/autoscaling/properties")))
                .isEqualTo(fieldNames(crdSpec.at("/gateway/properties/autoscaling/properties")));
        assertThat(valuesPlatform.at("/gateway/properties/loadBalancing/enum"))
                .containsExactlyInAnyOrderElementsOf(crdSpec.at("/gateway/properties/loadBalancing/enum"));
    }

    private static Set<String> fieldNames(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
