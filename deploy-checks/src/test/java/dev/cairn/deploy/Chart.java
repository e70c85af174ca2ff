package dev.cairn.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Helm chart helm/cairn, rendered with the Helm 3 library embedded by helm-java (no helm binary needed). */
final class Chart {

    static final String RELEASE = "cairn";
    static final String NAMESPACE = "cairn";
    private static final Pattern INSTALL_COMMAND = Pattern.compile("helm install \\S+ \\S+ -n (\\S+)");
    static final String RENDERED_HOOK = "checks.cairn.dev/helm-hook";
    static final String DEV_PASSWORD = "only-for-these-checks";

    private Chart() {
    }

    static Path directory() {
        return Repo.path("helm/cairn");
    }

    /** The example values files a user can install with (helm/cairn/examples/*-values.yaml). */
    static List<Path> exampleValuesFiles() {
        try (Stream<Path> files = Files.list(directory().resolve("examples"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The namespace of the `helm install ... -n <namespace>` command an example values file documents. */
    static String installNamespace(Path valuesFile) {
        try {
            Matcher matcher = INSTALL_COMMAND.matcher(Files.readString(valuesFile));
            return matcher.find() ? matcher.group(1) : NAMESPACE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LintResult lint() {
        return new Helm(directory()).lint().strict().call();
    }

    /** The manifests of `helm template` (CRDs and test hooks included) with a values file (or null) and --set values. */
    static String template(Path valuesFile, Map<String, Object> set) {
        return template(valuesFile, set, valuesFile == null ? NAMESPACE : installNamespace(valuesFile));
    }

    static String template(Path valuesFile, Map<String, Object> set, String namespace) {
        Path chart = withTestHooksAsManifests();
        try {
            TemplateCommand command = new Helm(chart).template()
                    .withName(RELEASE)
                    .withNamespace(namespace)
                    .withKubeVersion("1.32.0");
            if (valuesFile != null) {
                command = command.withValuesFile(valuesFile);
            }
            for (var entry : set.entrySet()) {
                command = command.set(entry.getKey(), entry.getValue());
            }
            return command.call();
        } finally {
            delete(chart);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the chart whose `helm test` hooks render like ordinary manifests. helm-java's template returns the
     * release manifest only (no hooks), so the hook annotation is renamed to {@link #RENDERED_HOOK} in the copy; the
     * checks then see the test pod like every other resource, and {@code HelmChartTest} checks the annotation in the
     * real template.
     */
    private static Path withTestHooksAsManifests() {
        try {
            Path copy = Files.createTempDirectory("cairn-chart-");
            Path source = directory();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (source.relativize(file).startsWith(Path.of("templates", "tests"))) {
                        Files.writeString(target, Files.readString(file).replace("helm.sh/hook:", RENDERED_HOOK + ":"));
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> render(Path valuesFile, Map<String, Object> set) {
        return Yaml.documents(template(valuesFile, set));
    }

    /** Renders with a values file plus the dev password every install with dev.enabled passes on the command line. */
    static List<JsonNode> render(Path valuesFile) {
        return render(valuesFile, Map.of("dev.password", DEV_PASSWORD));
    }

    static List<JsonNode> renderDefaults() {
        return render(null, Map.of());
    }

    static JsonNode one(List<JsonNode> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asText().equals(kind) && r.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " among "
                        + resources.stream().map(Yaml::describe).toList()));
    }

    static List<JsonNode> ofKind(List<JsonNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }
}
