package dev.cairn.launcher;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TestIntegrationCommandTest {

    @Test
    void helpExplainsThatOnlyTheSystemTestSuitesRunAndMavenArgumentsPassThrough() {
        StringWriter out = new StringWriter();
        int status = new CommandLine(new CairnCommand()).setOut(new PrintWriter(out)).execute("test-integration", "--help");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("Usage: cairn test-integration", "system-tests", "MAVEN_ARGS");
    }

    @Test
    void selectsTheSystemTestsModuleWithWhatItNeedsAndNoUnitTests() {
        assertThat(TestIntegrationCommand.SELECTION)
                .containsExactly("-pl", "system-tests", "-am", "-Dtest=none", "-Dsurefire.failIfNoSpecifiedTests=false");
    }

    @Test
    void isListedAmongTheCommands() {
        StringWriter out = new StringWriter();
        new CommandLine(new CairnCommand()).setOut(new PrintWriter(out)).execute("--help");
        assertThat(out.toString()).contains("test-integration");
    }
}
