package dev.cairn.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * `cairn test-integration`: only the system-test suites ({@code system-tests}, Failsafe {@code *IT}), with the modules
 * they start built first; the same datastore preparation as `cairn test`.
 */
@Command(name = "test-integration", mixinStandardHelpOptions = true,
        description = {"Run only the integration suites of system-tests/ (they start the whole platform as ./cairn up "
                + "does): starts PostgreSQL, Redis and RabbitMQ if installed but stopped, then ./mvnw -B verify -pl "
                + "system-tests -am -Dtest=none (the modules the suites start are built, no unit tests run).",
                "Extra arguments go to Maven, e.g. ./cairn test-integration -Dit.test=HostileInputIT, or -Pno-chaos."})
final class TestIntegrationCommand implements Callable<Integer> {

    /** What selects the integration suites: the system-tests module, the modules it needs, no unit tests. */
    static final List<String> SELECTION = List.of("-pl", "system-tests", "-am", "-Dtest=none",
            "-Dsurefire.failIfNoSpecifiedTests=false");

    @Parameters(arity = "0..*", paramLabel = "MAVEN_ARGS", description = "Extra Maven arguments.")
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        TestCommand maven = new TestCommand();
        maven.mavenArguments = new ArrayList<>(SELECTION);
        maven.mavenArguments.addAll(mavenArguments);
        return maven.call();
    }
}
