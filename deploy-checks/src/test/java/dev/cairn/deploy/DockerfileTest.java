package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/docker/*.Dockerfile: multi-stage, JRE 21+, non-root, layered, health-checked, labelled. */
class DockerfileTest {

    private static final Map<String, String> MODULES = Map.of("gateway", "gateway",
            "user-service", "services/user-service", "order-service", "services/order-service",
            "product-service", "services/product-service", "analytics-service", "services/analytics-service",
            "operator", "operator");
    private static final Pattern ARG_DEFAULT = Pattern.compile("(?m)^ARG (\\w+)=(\\S+)");
    private static final Pattern FROM = Pattern.compile("(?m)^FROM (\\S+)(?: AS (\\w+))?");
    private static final List<String> OCI_LABELS = List.of("title", "description", "version", "revision", "created",
            "source", "licenses");

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "user-service", "order-service", "product-service", "analytics-service", "operator"})
    void buildsInOneStageAndRunsOnAJre21OrNewer(String component) {
        String dockerfile = dockerfile(component);
        List<String> images = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile);
        while (from.find()) {
            images.add(resolveArgs(dockerfile, from.group(1)));
        }

        assertThat(images).hasSize(2);
        assertThat(images.getFirst()).matches("eclipse-temurin:(\\d+)-jdk.*");
        assertThat(images.getLast()).matches("eclipse-temurin:(\\d+)-jre.*");
        assertThat(Integer.parseInt(images.getLast().replaceAll("eclipse-temurin:(\\d+)-.*", "$1"))).isGreaterThanOrEqualTo(21);
        assertThat(dockerfile).contains("-pl " + MODULES.get(component) + " -am");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "user-service", "order-service", "product-service", "analytics-service", "operator"})
    void runsTheModuleJarAsTheNonRootUserThePodsExpect(String component) {
        String dockerfile = dockerfile(component);
        String jar = "cairn-" + component + ".jar";
        int runAsUser = Yaml.single(Chart.directory().resolve("values.yaml")).at("/operator/podSecurityContext/runAsUser").asInt();

        assertThat(Repo.read(MODULES.get(component) + "/pom.xml")).contains("<artifactId>cairn-" + component + "</artifactId>");
        assertThat(dockerfile).containsPattern("(?m)^USER " + runAsUser + ":" + runAsUser + "$");
        assertThat(dockerfile).contains("useradd --system --uid " + runAsUser);
        assertThat(dockerfile).containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/app/" + Pattern.quote(jar) + "\"]$");
        assertThat(dockerfile.indexOf("USER ")).isGreaterThan(dockerfile.lastIndexOf("RUN "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "user-service", "order-service", "product-service", "analytics-service", "operator"})
    void copiesDependenciesInTheirOwnLayerBeforeTheApplication(String component) {
        String dockerfile = dockerfile(component);
        int dependencies = dockerfile.indexOf("COPY --from=build /layers/dependencies/ /app/libs/");
        int cairnModules = dockerfile.indexOf("COPY --from=build /layers/cairn/ /app/libs/");
        int application = dockerfile.indexOf("COPY --from=build /layers/application/");

        assertThat(dependencies).isPositive();
        assertThat(cairnModules).isGreaterThan(dependencies);
        assertThat(application).isGreaterThan(cairnModules);
        assertThat(dockerfile).contains("cp " + MODULES.get(component) + "/target/libs/*.jar /layers/dependencies/",
                "mv /layers/dependencies/cairn-*.jar /layers/cairn/");
        assertThat(Repo.read(MODULES.get(component) + "/pom.xml")).contains("<id>copy-libs</id>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "user-service", "order-service", "product-service", "analytics-service", "operator"})
    void checksReadinessOnTheComponentPortAndCarriesOciLabels(String component) {
        String dockerfile = dockerfile(component);
        int port = component.equals("operator") ? 8090 : ConfigKeys.serverPort(MODULES.get(component));

        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + port + "$");
        assertThat(dockerfile).containsPattern("(?s)HEALTHCHECK .*CMD curl -fsS \"http://127\\.0\\.0\\.1:\\$\\{[A-Z_]+:-" + port
                + "}/health/ready\"");
        for (String label : OCI_LABELS) {
            assertThat(dockerfile).contains("org.opencontainers.image." + label + "=");
        }
        assertThat(dockerfile).contains("org.opencontainers.image.title=\"cairn-" + component + "\"");
        assertThat(Repo.read("deploy/docker/" + component + ".Dockerfile.dockerignore")).contains("**/target/", ".git/");
    }

    @Test
    void imageBuildScriptBuildsEveryDockerfileUnderTheContractNames() {
        String script = Repo.read("deploy/docker/build-images.sh");

        for (String component : MODULES.keySet()) {
            assertThat(script).contains(" " + component);
        }
        assertThat(script).contains("deploy/docker/$component.Dockerfile", "$registry/cairn-$component:$version",
                "ghcr.io/cairn-dev");
        assertThat(Repo.read("deploy-checks/pom.xml")).contains("<id>images</id>", "deploy/docker/build-images.sh");
    }

    private static String dockerfile(String component) {
        return Repo.read("deploy/docker/" + component + ".Dockerfile");
    }

    private static String resolveArgs(String dockerfile, String text) {
        Matcher arg = ARG_DEFAULT.matcher(dockerfile);
        String resolved = text;
        while (arg.find()) {
            resolved = resolved.replace("${" + arg.group(1) + "}", arg.group(2));
        }
        return resolved;
    }
}
