package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** `helm lint` and `helm template` of helm/cairn with the default values and each example values file. */
class HelmChartTest {

    private static final List<String> STANDARD_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/name",
            "app.kubernetes.io/instance", "app.kubernetes.io/component", "app.kubernetes.io/version",
            "app.kubernetes.io/managed-by", "app.kubernetes.io/part-of");

    /** Default values (no file) and every example values file. */
    static Stream<Arguments> valuesFiles() {
        List<Arguments> files = new ArrayList<>();
        files.add(Arguments.of("defaults", null));
        Chart.exampleValuesFiles().forEach(f -> files.add(Arguments.of(f.getFileName().toString(), f)));
        return files.stream();
    }

    @Test
    void lintsWithoutWarningsInStrictMode() {
        LintResult result = Chart.lint();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void notesTellTheUserHowToWatchThePlatformAndTestTheInstall() {
        String notes = Repo.read("helm/cairn/templates/NOTES.txt");

        assertThat(notes).contains("rollout status deployment/", "kubectl -n {{ .Release.Namespace }} get msp",
                "examples/platform.yaml", "port-forward svc/{{ .Values.platform.name }}-gateway 8080:8080",
                "helm test {{ .Release.Name }}");
    }

    @Test
    void examplesCoverDevModeAndProductionSettings() {
        assertThat(Chart.exampleValuesFiles()).extracting(p -> p.getFileName().toString())
                .contains("dev-values.yaml", "production-values.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void everyRenderedResourceCarriesTheStandardLabels(String name, Path valuesFile) {
        List<JsonNode> resources = Chart.render(valuesFile);

        assertThat(resources).isNotEmpty();
        for (JsonNode resource : resources) {
            JsonNode labels = resource.path("metadata").path("labels");
            assertThat(STANDARD_LABELS).as(Yaml.describe(resource)).allMatch(label -> labels.path(label).isTextual());
            assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("Helm");
            assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo(Chart.RELEASE);
            assertThat(labels.path("app.kubernetes.io/part-of").asText()).isEqualTo("cairn");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void everyPodRunsAsNonRootWithoutPrivilegeEscalation(String name, Path valuesFile) {
        List<JsonNode> pods = podSpecs(Chart.render(valuesFile));

        assertThat(pods).isNotEmpty();
        for (JsonNode pod : pods) {
            JsonNode podSecurity = pod.path("spec").path("securityContext");
            for (JsonNode container : containers(pod.path("spec"))) {
                JsonNode security = container.path("securityContext");
                String where = pod.path("name").asText() + "/" + container.path("name").asText();
                boolean nonRoot = security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false));
                int user = security.path("runAsUser").asInt(podSecurity.path("runAsUser").asInt(0));
                assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
                assertThat(user).as(where + " runAsUser").isPositive();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(where + " escalation").isFalse();
                assertThat(security.path("capabilities").path("drop").toString()).as(where).contains("\"ALL\"");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void everyContainerRequestsCpuAndMemory(String name, Path valuesFile) {
        for (JsonNode pod : podSpecs(Chart.render(valuesFile))) {
            for (JsonNode container : containers(pod.path("spec"))) {
                JsonNode requests = container.path("resources").path("requests");
                assertThat(requests.has("cpu") && requests.has("memory"))
                        .as(pod.path("name").asText() + "/" + container.path("name").asText() + " requests " + requests)
                        .isTrue();
            }
        }
    }

    @Test
    void operatorDeploymentTakesImageArgumentsAndSizeFromValues() {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("image.registry", "registry.example.com/team");
        set.put("image.tag", "1.2.3");
        set.put("operator.repository", "custom-operator");
        set.put("operator.replicas", 2);
        set.put("operator.port", 9090);
        set.put("operator.logLevel", "DEBUG");
        set.put("operator.watchNamespaces[0]", "shop");
        set.put("operator.watchNamespaces[1]", "cairn");
        set.put("operator.resources.requests.cpu", "300m");

        JsonNode deployment = Chart.one(Chart.render(null, set), "Deployment", "cairn-operator");

        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(container.path("image").asText()).isEqualTo("registry.example.com/team/custom-operator:1.2.3");
        assertThat(env(container)).containsEntry("CAIRN_OPERATOR_NAMESPACES", "shop,cairn")
                .containsEntry("CAIRN_OPERATOR_PORT", "9090")
                .containsEntry("CAIRN_OPERATOR_LOG_LEVEL", "DEBUG");
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(9090);
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isEqualTo("300m");
        assertThat(deployment.path("spec").path("template").path("spec").path("serviceAccountName").asText())
                .isEqualTo("cairn-operator");
    }

    @Test
    void operatorGetsOnlyEnvironmentVariablesItReads() {
        JsonNode container = Chart.one(Chart.renderDefaults(), "Deployment", "cairn-operator")
                .at("/spec/template/spec/containers/0");
        Set<String> read = ConfigKeys.operatorEnvironmentNames();

        assertThat(read).contains("CAIRN_OPERATOR_NAMESPACES", "CAIRN_OPERATOR_PORT");
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (!name.equals("JAVA_TOOL_OPTIONS")) {
                assertThat(read).as("the operator does not read " + name).contains(name);
            }
        }
    }

    @Test
    void operatorImageDefaultsToTheChartAppVersionInTheCairnRegistry() {
        JsonNode deployment = Chart.one(Chart.renderDefaults(), "Deployment", "cairn-operator");

        String appVersion = Yaml.single(Chart.directory().resolve("Chart.yaml")).path("appVersion").asText();
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("ghcr.io/cairn-dev/cairn-operator:" + appVersion);
        assertThat(env(deployment.at("/spec/template/spec/containers/0"))).containsEntry("CAIRN_OPERATOR_NAMESPACES", "");
    }

    @Test
    void watchingEveryNamespaceGrantsAClusterRoleBoundToTheOperatorAccount() {
        List<JsonNode> resources = Chart.renderDefaults();

        JsonNode binding = Chart.one(resources, "ClusterRoleBinding", "cairn-operator");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo("cairn-operator");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("cairn-operator");
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(Chart.NAMESPACE);
        Chart.one(resources, "ServiceAccount", "cairn-operator");
        assertThat(Chart.ofKind(resources, "Role")).extracting(r -> r.at("/metadata/name").asText())
                .containsExactly("cairn-operator-leader-election");
    }

    @Test
    void watchingListedNamespacesGrantsRolesInThoseNamespacesOnly() {
        List<JsonNode> resources = Chart.render(null, Map.of("operator.watchNamespaces[0]", "shop",
                "operator.watchNamespaces[1]", "shop-staging"));

        assertThat(Chart.ofKind(resources, "ClusterRole")).isEmpty();
        assertThat(Chart.ofKind(resources, "ClusterRoleBinding")).isEmpty();
        assertThat(Chart.ofKind(resources, "RoleBinding"))
                .extracting(r -> r.at("/metadata/namespace").asText() + "/" + r.at("/roleRef/name").asText())
                .containsExactlyInAnyOrder("shop/cairn-operator", "shop-staging/cairn-operator",
                        Chart.NAMESPACE + "/cairn-operator-leader-election");
    }

    @Test
    void rbacGrantsNoWildcardsAndNoPrivilegeEscalationVerbs() {
        List<JsonNode> resources = Chart.renderDefaults();
        List<JsonNode> roles = new ArrayList<>(Chart.ofKind(resources, "ClusterRole"));
        roles.addAll(Chart.ofKind(resources, "Role"));

        assertThat(roles).hasSize(2);
        for (JsonNode role : roles) {
            for (JsonNode rule : role.path("rules")) {
                assertThat(rule.toString()).as(rule.toString()).doesNotContain("\"*\"");
                assertThat(rule.path("verbs").toString()).doesNotContain("escalate", "bind", "impersonate");
            }
        }
    }

    @Test
    void metricsServiceSelectsTheOperatorPodsOnItsNamedPort() {
        List<JsonNode> resources = Chart.renderDefaults();
        JsonNode service = Chart.one(resources, "Service", "cairn-operator-metrics");
        JsonNode deployment = Chart.one(resources, "Deployment", "cairn-operator");

        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        service.path("spec").path("selector").properties()
                .forEach(e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        String targetPort = service.at("/spec/ports/0/targetPort").asText();
        assertThat(deployment.at("/spec/template/spec/containers/0/ports").findValuesAsText("name")).contains(targetPort);
    }

    @Test
    void serviceMonitorAndPrometheusRuleAreRenderedOnlyWhenEnabled() {
        assertThat(Chart.renderDefaults()).noneMatch(r -> r.path("apiVersion").asText().startsWith("monitoring.coreos.com"));

        List<JsonNode> resources = Chart.render(null, Map.of("metrics.serviceMonitor.enabled", true,
                "metrics.prometheusRule.enabled", true, "metrics.serviceMonitor.labels.release", "prom"));

        JsonNode monitor = Chart.one(resources, "ServiceMonitor", "cairn-operator");
        JsonNode service = Chart.one(resources, "Service", "cairn-operator-metrics");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prom");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo(service.at("/spec/ports/0/name").asText());
        monitor.at("/spec/selector/matchLabels").properties().forEach(e ->
                assertThat(service.at("/metadata/labels").path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        JsonNode rule = Chart.one(resources, "PrometheusRule", "cairn-operator");
        assertThat(rule.at("/spec/groups/0/rules").findValuesAsText("alert")).contains("CairnOperatorDown");
    }

    @Test
    void platformIsNotCreatedByDefault() {
        assertThat(Chart.ofKind(Chart.renderDefaults(), "MicroservicePlatform")).isEmpty();
    }

    @Test
    void devModePlatformUsesTheDevDatastoresThroughTheirSecret() {
        List<JsonNode> resources = Chart.render(Chart.directory().resolve("examples/dev-values.yaml"));

        JsonNode platform = Chart.one(resources, "MicroservicePlatform", "cairn");
        JsonNode secret = Chart.one(resources, "Secret", "cairn-datastores");
        for (String store : List.of("postgres", "mongo", "redis", "rabbitmq", "kafka")) {
            JsonNode ref = platform.at("/spec/datastores/" + store + "/secretRef");
            assertThat(ref.path("name").asText()).isEqualTo("cairn-datastores");
            assertThat(secret.at("/stringData/" + ref.path("key").asText()).asText())
                    .as(store).contains("cairn-" + store + ":");
            JsonNode service = Chart.one(resources, "Service", "cairn-" + store);
            JsonNode deployment = Chart.one(resources, "Deployment", "cairn-" + store);
            assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
            service.at("/spec/selector").properties().forEach(e ->
                    assertThat(deployment.at("/spec/template/metadata/labels").path(e.getKey()).asText())
                            .isEqualTo(e.getValue().asText()));
        }
        assertThat(secret.at("/stringData/postgres-url").asText())
                .isEqualTo("postgresql://cairn:" + Chart.DEV_PASSWORD + "@cairn-postgres:5432/");
        assertThat(Chart.one(resources, "ConfigMap", "cairn-postgres-init").path("data").toString())
                .contains("CREATE DATABASE cairn_users", "CREATE DATABASE cairn_orders");
    }

    @Test
    void platformFromValuesMirrorsTheServicesAndGatewaySettings() {
        Path production = Chart.directory().resolve("examples/production-values.yaml");
        JsonNode values = Yaml.single(production).path("platform");

        JsonNode platform = Chart.one(Chart.render(production), "MicroservicePlatform", "shop");

        assertThat(platform.at("/metadata/namespace").asText()).isEqualTo("shop");
        assertThat(platform.at("/spec/services")).isEqualTo(values.path("services"));
        assertThat(platform.at("/spec/gateway")).isEqualTo(values.path("gateway"));
        assertThat(platform.at("/spec/datastores")).isEqualTo(values.path("datastores"));
        assertThat(platform.at("/spec/auth/keySecretRef")).isEqualTo(values.at("/auth/keySecretRef"));
        assertThat(platform.at("/spec/version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void platformWithoutDatastoresOutsideDevModeIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("platform.enabled", true)))
                .hasMessageContaining("platform.datastores.postgres is required");
    }

    @Test
    void devModeWithoutAPasswordIsRefusedWithTheFix() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("dev.enabled", true)))
                .hasMessageContaining("dev.enabled needs dev.password");
    }

    @Test
    void platformInANamespaceTheOperatorDoesNotWatchIsRefused() {
        assertThatThrownBy(() -> Chart.render(null, Map.of("dev.enabled", true, "dev.password", "x",
                "platform.enabled", true, "operator.watchNamespaces[0]", "elsewhere")))
                .hasMessageContaining("operator.watchNamespaces leaves out");
    }

    @Test
    void helmTestPodAsksTheGatewayReadinessEndpoint() {
        assertThat(Repo.read("helm/cairn/templates/tests/test-gateway-health.yaml")).contains("helm.sh/hook: test");

        JsonNode pod = Chart.one(Chart.renderDefaults(), "Pod", "cairn-test-gateway-health");

        assertThat(pod.at("/metadata/annotations").path(Chart.RENDERED_HOOK).asText()).isEqualTo("test");
        assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Never");
        JsonNode container = pod.at("/spec/containers/0");
        assertThat(container.path("command").get(0).asText()).isEqualTo("curl");
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        assertThat(args).contains("--fail").last().isEqualTo("http://cairn-gateway.cairn.svc:8080/health/ready");
    }

    @Test
    void helmTestFollowsTheConfiguredGatewayUrl() {
        JsonNode pod = Chart.one(Chart.render(null, Map.of("tests.gatewayUrl", "http://gw.example:80")),
                "Pod", "cairn-test-gateway-health");

        assertThat(pod.at("/spec/containers/0/args").toString()).contains("\"http://gw.example:80/health/ready\"");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("operator.replicas", "two"),
                Arguments.of("operator.replica", 2),
                Arguments.of("operator.port", 70000),
                Arguments.of("operator.logLevel", "LOUD"),
                Arguments.of("operator.podSecurityContext.runAsNonRoot", false),
                Arguments.of("image.pullPolicy", "Sometimes"),
                Arguments.of("platform.gateway.loadBalancing", "random"),
                Arguments.of("platform.datastores.postgres.uri", "jdbc:postgresql://db:5432/"),
                Arguments.of("platform.gateway.autoscaling.metric", "memory"),
                Arguments.of("dev.postgres.runAsUser", 0),
                Arguments.of("tests.gatewayUrl", "gateway:8080"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badValues")
    void valuesSchemaRejectsABadValue(String key, Object value) {
        assertThatThrownBy(() -> Chart.render(null, Map.of(key, value)))
                .hasMessageContaining("values don't meet the specifications of the schema");
    }

    /** Pod specs of Deployments and bare Pods, each as {name, spec}. */
    static List<JsonNode> podSpecs(List<JsonNode> resources) {
        List<JsonNode> pods = new ArrayList<>();
        for (JsonNode resource : resources) {
            JsonNode spec = switch (resource.path("kind").asText()) {
                case "Deployment", "StatefulSet", "DaemonSet", "Job" -> resource.at("/spec/template/spec");
                case "Pod" -> resource.path("spec");
                default -> null;
            };
            if (spec != null) {
                pods.add(Yaml.JSON.createObjectNode().put("name", Yaml.describe(resource)).set("spec", spec));
            }
        }
        return pods;
    }

    static List<JsonNode> containers(JsonNode podSpec) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec.path("initContainers").forEach(containers::add);
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }
}
