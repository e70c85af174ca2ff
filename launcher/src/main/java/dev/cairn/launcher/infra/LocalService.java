package dev.cairn.launcher.infra;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A datastore installed on this machine as an OS package (PostgreSQL, Redis, RabbitMQ): how to tell whether it is
 * installed and how to start it when it is not running, with the commands the Debian packages provide.
 */
public enum LocalService {
    POSTGRES("PostgreSQL", 5432, "apt-get install postgresql") {
        @Override
        Optional<List<String>> startCommand() {
            Path clusters = Path.of("/etc/postgresql");
            if (!onPath("pg_ctlcluster") || !Files.isDirectory(clusters)) {
                return Optional.empty();
            }
            try (var versions = Files.list(clusters)) {
                return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b)
                        .map(version -> List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    },
    REDIS("Redis", 6379, "apt-get install redis-server") {
        @Override
        Optional<List<String>> startCommand() {
            if (!onPath("redis-server")) {
                return Optional.empty();
            }
            return Optional.of(List.of("redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1",
                    "--port", "6379", "--save", "", "--appendonly", "no"));
        }
    },
    RABBITMQ("RabbitMQ", 5672, "apt-get install rabbitmq-server") {
        @Override
        Optional<List<String>> startCommand() {
            return onPath("rabbitmq-server") ? Optional.of(List.of("rabbitmq-server", "-detached")) : Optional.empty();
        }
    };

    private final String displayName;
    private final int port;
    private final String installHint;

    LocalService(String displayName, int port, String installHint) {
        this.displayName = displayName;
        this.port = port;
        this.installHint = installHint;
    }

    public String displayName() {
        return displayName;
    }

    public int port() {
        return port;
    }

    public String installHint() {
        return installHint;
    }

    /** The command that starts the installed service, or empty when it is not installed. */
    abstract Optional<List<String>> startCommand();

    public boolean isRunning() {
        return Ports.isListening("127.0.0.1", port);
    }

    public boolean isInstalled() {
        return startCommand().isPresent();
    }

    /**
     * Starts the installed service and waits until it listens.
     *
     * @throws InfrastructureException when it is not installed or does not come up within {@code timeout}
     */
    public void start(Duration timeout) {
        List<String> command = startCommand().orElseThrow(() -> new InfrastructureException(
                displayName + " is not installed: " + installHint));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            throw new InfrastructureException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted while starting " + displayName, e);
        }
        Instant deadline = Instant.now().plus(timeout);
        while (!isRunning()) {
            if (Instant.now().isAfter(deadline)) {
                throw new InfrastructureException(displayName + " was started with '" + String.join(" ", command)
                        + "' but does not listen on port " + port + " after " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException("Interrupted while waiting for " + displayName, e);
            }
        }
    }

    static boolean onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin" + File.pathSeparator
                + "/usr/lib/rabbitmq/bin" + File.pathSeparator + "/usr/bin";
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, executable))) {
                return true;
            }
        }
        return false;
    }
}
