package dev.cairn.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cairn} command line: start, inspect and stop a local Cairn platform, and run its tests. */
@Command(name = "cairn",
        mixinStandardHelpOptions = true,
        versionProvider = CairnCommand.Version.class,
        description = "Cairn: a standards-based microservice platform. Start it locally, check it, stop it, test it.",
        subcommands = {UpCommand.class, StatusCommand.class, DownCommand.class, LogsCommand.class, TestCommand.class,
                TestIntegrationCommand.class,
                CommandLine.HelpCommand.class})
public final class CairnCommand {

    public static void main(String[] args) {
        // The embedded Kafka and MongoDB servers log through SLF4J -> JUL; only their warnings reach the console.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return new CommandLine(new CairnCommand())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("cairn: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CairnCommand.class.getPackage().getImplementationVersion();
            return new String[] {"cairn " + (version == null ? "development build" : version)};
        }
    }
}
