package dev.cairn.launcher;

import dev.cairn.launcher.infra.LocalService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `cairn test`: makes sure the local datastores run, then runs the whole test suite ({@code ./mvnw -B verify}). */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every test: starts PostgreSQL, Redis and RabbitMQ if installed but stopped, then "
                + "./mvnw -B verify with this JDK.", "Extra arguments go to Maven, e.g. ./cairn test -pl commons"})
final class TestCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "MAVEN_ARGS", description = "Extra Maven arguments.")
    List<String> mavenArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.out);
        for (LocalService service : LocalService.values()) {
            if (service.isRunning()) {
                console.say(service.displayName() + " is running on port " + service.port());
            } else if (service.isInstalled()) {
                console.say(service.displayName() + " is installed but stopped: starting it");
                service.start(Duration.ofSeconds(90));
            } else {
                console.say(service.displayName() + " is not installed (" + service.installHint()
                        + "); tests fall back to an embedded or containerised one where one exists");
            }
        }
        Path root = Project.root();
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "verify"));
        command.addAll(mavenArguments);
        console.say("running " + String.join(" ", command));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).inheritIO();
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process maven = builder.start();
        int status = maven.waitFor();
        console.say(status == 0 ? "all tests passed" : "tests failed (exit status " + status + ")");
        return status;
    }
}
