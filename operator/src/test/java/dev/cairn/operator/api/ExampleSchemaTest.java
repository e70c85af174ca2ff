package dev.cairn.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.model.SpecValidator;
import dev.cairn.operator.testing.MockKubernetes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples against the generated CRD's openAPIV3Schema, as the API server would check them. */
class ExampleSchemaTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode crd = YAML.readTree(MockKubernetes.generatedCrd().toFile());
        JsonNode openApi = crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApi);
    }

    static Stream<Path> validExamples() throws IOException {
        return yamlFiles(MockKubernetes.repoRoot().resolve("examples"));
    }

    static Stream<Path> invalidExamples() throws IOException {
        return yamlFiles(MockKubernetes.repoRoot().resolve("examples/invalid"));
    }

    private static Stream<Path> yamlFiles(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("examples in %s", directory).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void examplesMatchTheCrdSchemaAndTheOperatorsChecks(Path example) throws IOException {
        JsonNode document = YAML.readTree(example.toFile());

        Set<ValidationMessage> errors = schema.validate(document);

        assertThat(errors).as(example.getFileName().toString()).isEmpty();
        MicroservicePlatform platform = YAML.treeToValue(document, MicroservicePlatform.class);
        assertThat(SpecValidator.problems(platform)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExamplesAreRejectedWithAMessageNamingTheField(Path example) throws IOException {
        String text = Files.readString(example);
        String expected = text.lines().filter(l -> l.startsWith("# expect: ")).findFirst()
                .map(l -> l.substring("# expect: ".length())).orElseThrow(() ->
                        new AssertionError(example + " has no '# expect: <message>' line"));

        Set<ValidationMessage> errors = schema.validate(YAML.readTree(text));

        assertThat(errors).extracting(ValidationMessage::getMessage).contains(expected);
    }
}
