package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rendered resource, every CRD and every file in examples/ against the schema of its kind (no typo'd fields). */
class KubernetesSchemaTest {

    private final KubernetesSchemas schemas = new KubernetesSchemas(Repo.path("crds"));

    static Stream<Path> valuesFilesOrDefaults() {
        List<Path> files = new ArrayList<>();
        files.add(null);
        files.addAll(Chart.exampleValuesFiles());
        return files.stream();
    }

    /** examples/*.yaml: resources users apply as they are (examples/invalid/ holds the ones that must be refused). */
    static Stream<Path> examples() {
        try (Stream<Path> files = Files.list(Repo.path("examples"))) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** examples/invalid/*.yaml: each names the refusal it expects on its first line ("# expect: ..."). */
    static Stream<Path> invalidExamples() {
        try (Stream<Path> files = Files.list(Repo.path("examples/invalid"))) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFilesOrDefaults")
    void everyRenderedResourceMatchesItsKubernetesSchema(Path valuesFile) {
        List<JsonNode> resources = Chart.render(valuesFile, Map.of("dev.password", Chart.DEV_PASSWORD,
                "metrics.serviceMonitor.enabled", true, "metrics.prometheusRule.enabled", true));

        for (JsonNode resource : resources) {
            assertThat(schemas.problems(resource)).as(Yaml.describe(resource)).isEmpty();
        }
    }

    @Test
    void everyChartCrdMatchesTheCustomResourceDefinitionSchema() {
        List<Path> crds = Crds.files(Chart.directory().resolve("crds"));

        assertThat(crds).isNotEmpty();
        for (Path crd : crds) {
            assertThat(schemas.problems(Yaml.single(crd))).as(crd.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleMatchesTheSchemaOfItsKind(Path example) {
        List<JsonNode> resources = Yaml.documents(example);

        assertThat(resources).isNotEmpty();
        for (JsonNode resource : resources) {
            assertThat(schemas.problems(resource)).as(example.getFileName() + " " + Yaml.describe(resource)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void everyInvalidExampleIsRefusedForTheReasonItStates(Path example) {
        String expected = Repo.read("examples/invalid/" + example.getFileName()).lines().findFirst().orElseThrow()
                .replaceFirst("^# expect: ", "");

        assertThat(schemas.problems(Yaml.single(example))).as(example.getFileName().toString())
                .anySatisfy(problem -> assertThat(problem).contains(expected));
    }

    @Test
    void aTypoInADeploymentFieldIsRejected() {
        ObjectNode deployment = (ObjectNode) Chart.one(Chart.renderDefaults(), "Deployment", "cairn-operator").deepCopy();
        ObjectNode spec = (ObjectNode) deployment.get("spec");
        spec.set("replica", spec.remove("replicas"));

        assertThat(schemas.problems(deployment)).singleElement().asString().contains("replica");
    }

    @Test
    void aTypoDeepInsideAPodTemplateIsRejected() {
        ObjectNode deployment = (ObjectNode) Chart.one(Chart.renderDefaults(), "Deployment", "cairn-operator").deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinessProbes", container.remove("readinessProbe"));

        assertThat(schemas.problems(deployment)).singleElement().asString().contains("readinessProbes");
    }

    @Test
    void aMissingRequiredFieldAndAWrongTypeAreRejected() {
        ObjectNode service = (ObjectNode) Chart.one(Chart.renderDefaults(), "Service", "cairn-operator-metrics").deepCopy();
        ((ObjectNode) service.at("/spec/ports/0")).remove("port");
        assertThat(schemas.problems(service)).singleElement().asString().contains("port");

        ObjectNode deployment = (ObjectNode) Chart.one(Chart.renderDefaults(), "Deployment", "cairn-operator").deepCopy();
        ((ObjectNode) deployment.get("spec")).put("replicas", "two");
        assertThat(schemas.problems(deployment)).isNotEmpty();
    }

    @Test
    void anUnknownKindOrApiVersionIsRejected() {
        ObjectNode deployment = (ObjectNode) Chart.one(Chart.renderDefaults(), "Deployment", "cairn-operator").deepCopy();
        deployment.put("apiVersion", "apps/v1beta1");

        assertThat(schemas.problems(deployment)).singleElement().asString().contains("no schema known");
    }

    @Test
    void aTypoInAServiceMonitorIsRejected() {
        ObjectNode monitor = (ObjectNode) Chart.one(Chart.render(null, Map.of("metrics.serviceMonitor.enabled", true)),
                "ServiceMonitor", "cairn-operator").deepCopy();
        ((ObjectNode) monitor.at("/spec/endpoints/0")).put("intervall", "10s");

        assertThat(schemas.problems(monitor)).singleElement().asString().contains("intervall");
    }

    @Test
    void aTypoInAMicroservicePlatformIsRejected() {
        ObjectNode platform = (ObjectNode) Yaml.single(Repo.path("examples/platform.yaml")).deepCopy();
        ((ObjectNode) platform.at("/spec/gateway")).put("replica", 3);

        assertThat(schemas.problems(platform)).isNotEmpty().anySatisfy(p -> assertThat(p).contains("replica"));
    }
}
