package dev.cairn.systemtests;

import dev.cairn.launcher.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Prometheus assets in deploy/prometheus are valid and speak only of metrics the catalogue documents. */
class ObservabilityAssetsTest {

    private static final Path PROMETHEUS = Project.root().resolve("deploy/prometheus");
    private static final Pattern METRIC = Pattern.compile("\\b(cairn_[a-z0-9_]+)");

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

    static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
