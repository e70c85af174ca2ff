package dev.cairn.operator;

import dev.cairn.operator.runtime.OperatorConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CairnOperatorTest {

    @Test
    void helpNamesEveryOptionWithItsEnvironmentVariable() {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new CairnOperator()).setOut(new PrintWriter(out));

        int exit = command.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--namespaces", "CAIRN_OPERATOR_NAMESPACES", "--port",
                "CAIRN_OPERATOR_PORT", "--leader-election", "CAIRN_OPERATOR_LEADER_ELECTION", "--lease-namespace",
                "--log-level", "CAIRN_OPERATOR_LOG_LEVEL", "--autoscaler-interval");
    }

    @Test
    void readsACommaSeparatedNamespaceListWithEmptyMeaningAll() {
        assertThat(CairnOperator.parseNamespaces(" shop, staging ,,")).containsExactlyInAnyOrder("shop", "staging");
        assertThat(CairnOperator.parseNamespaces("")).isEmpty();
    }

    @Test
    void readsDurationsLikeTheOtherCairnSettings() {
        var converter = new CairnOperator.DurationConverter();

        assertThat(converter.convert("5s")).isEqualTo(Duration.ofSeconds(5));
        assertThat(converter.convert("750ms")).isEqualTo(Duration.ofMillis(750));
        assertThat(converter.convert("PT1M")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void failsFastNamingTheSettingWhenLeaderElectionHasNoLeaseNamespace() {
        assertThatThrownBy(() -> new OperatorConfig(Set.of(), 8090, true, "cairn-operator", "", Duration.ofSeconds(5),
                "pod")).hasMessageContaining("CAIRN_OPERATOR_LEASE_NAMESPACE")
                .hasMessageContaining("CAIRN_OPERATOR_LEADER_ELECTION=false");
    }
}
