package dev.cairn.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.launcher.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Prometheus and Grafana assets in deploy/ are valid and speak only of metrics the catalogue documents
 * (docs/OBSERVABILITY.md) or the rules record.
 */
class ObservabilityAssetsTest {

    private static final Path PROMETHEUS = Project.root().resolve("deploy/prometheus");
    private static final Path GRAFANA = Project.root().resolve("deploy/grafana");
    private static final Pattern METRIC = Pattern.compile("\\b(cairn_[a-z0-9_]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void rulesAndConfigPassPromtool() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (.ci/run installs the Debian package prometheus)");
        for (String[] check : new String[][] {{"check", "rules", "rules.yml"}, {"check", "config", "prometheus.yml"}}) {
            Process promtool = new ProcessBuilder("promtool", check[0], check[1], check[2])
                    .directory(PROMETHEUS.toFile()).redirectErrorStream(true).start();
            String output = new String(promtool.getInputStream().readAllBytes());
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(promtool.exitValue()).as(output).isZero();
            assertThat(output).contains("SUCCESS");
        }
    }

    @Test
    void everyMetricTheRulesUseIsInTheCatalogue() throws IOException {
        String catalogue = Files.readString(Project.root().resolve("docs/OBSERVABILITY.md"));
        Set<String> used = new TreeSet<>();
        Matcher metric = METRIC.matcher(Files.readString(PROMETHEUS.resolve("rules.yml")));
        while (metric.find()) {
            used.add(metric.group(1).replaceAll("_(bucket|count|sum)$", ""));
        }
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(catalogue).as(name).contains("`" + name + "`"));
    }

    @Test
    void dashboardsAreProvisionedGrafanaJsonOnTheCairnDatasource() throws IOException {
        assertThat(Files.readString(GRAFANA.resolve("provisioning/datasources/prometheus.yml")))
                .contains("uid: cairn-prometheus");
        Map<String, JsonNode> dashboards = dashboards();
        assertThat(dashboards.keySet()).containsExactlyInAnyOrder(
                "cairn-overview.json", "cairn-service-red.json", "cairn-business.json");
        Set<String> uids = new TreeSet<>();
        dashboards.forEach((file, dashboard) -> {
            assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid in " + file).isTrue();
            assertThat(dashboard.path("title").asText()).as(file).startsWith("Cairn / ");
            assertThat(dashboard.path("panels")).as(file).isNotEmpty();
            Set<Integer> ids = new TreeSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as("unique panel id in " + file).isTrue();
                assertThat(panel.path("targets")).as(file + ": " + panel.path("title")).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    assertThat(target.path("datasource").path("uid").asText()).isEqualTo("cairn-prometheus");
                    assertThat(target.path("expr").asText()).as(file + ": " + panel.path("title")).isNotBlank();
                }
            }
        });
    }

    @Test
    void everyMetricTheDashboardsQueryIsInTheCatalogueOrRecordedByTheRules() throws IOException {
        String catalogue = Files.readString(Project.root().resolve("docs/OBSERVABILITY.md"));
        String rules = Files.readString(PROMETHEUS.resolve("rules.yml"));
        Set<String> used = new TreeSet<>();
        for (String expression : dashboardExpressions()) {
            used.addAll(PromQl.metricNames(expression));
        }
        assertThat(used).contains("cairn_orders_created_total", "cairn_gateway_request_seconds_bucket");
        assertThat(used).allSatisfy(name -> {
            if (name.contains(":")) {
                assertThat(rules).as("recording rule " + name).contains("record: " + name);
            } else if (!name.equals("up")) {
                assertThat(catalogue.contains("`" + name + "`")
                        || catalogue.contains("`" + name.replaceAll("_(bucket|count|sum)$", "") + "`")).as(name).isTrue();
            }
        });
    }

    @Test
    void everyDashboardQueryIsValidPromQl() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (.ci/run installs the Debian package prometheus)");
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (String expression : dashboardExpressions()) {
            rules.append("      - record: dashboard:query_").append(++n).append("\n        expr: ")
                    .append(JSON.writeValueAsString(expression.replace("$job", "order-service"))).append('\n');
        }
        Path file = Files.createTempFile("dashboard-queries", ".yml");
        try {
            Files.writeString(file, rules);
            Process promtool = new ProcessBuilder("promtool", "check", "rules", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(promtool.getInputStream().readAllBytes());
            assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(promtool.exitValue()).as(output).isZero();
            assertThat(output).contains("SUCCESS: " + n + " rules found");
        } finally {
            Files.delete(file);
        }
    }

    private static Map<String, JsonNode> dashboards() throws IOException {
        Map<String, JsonNode> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                dashboards.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    private static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode dashboard : dashboards().values()) {
            for (JsonNode panel : dashboard.path("panels")) {
                panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
            }
        }
        return expressions;
    }

    static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
