package dev.cairn.launcher.infra;

import dev.cairn.launcher.process.ServiceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus of `cairn up --observability`: the installed {@code prometheus} binary, scraping every process of this
 * run (ports with their offset) every 5 s with the rules of {@code deploy/prometheus/rules.yml}; its data and log stay
 * in the run directory.
 */
public final class LocalPrometheus implements AutoCloseable {

    /** Where it listens without a port offset. */
    public static final int PORT = 9090;

    private final Process process;
    private final int port;

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Whether the {@code prometheus} binary is on the PATH. */
    public static boolean installed() {
        return executable("prometheus").isPresent();
    }

    /**
     * Starts Prometheus for {@code processes}.
     *
     * @param directory where its configuration and data go
     * @param logFile   where its output goes
     */
    public static LocalPrometheus start(Path projectRoot, List<ServiceSpec> processes, int port, Path directory,
                                        Path logFile) throws IOException {
        Path binary = executable("prometheus").orElseThrow(() -> new InfrastructureException(
                "prometheus is not installed: apt-get install prometheus (or leave out --observability)"));
        if (Ports.isListening("127.0.0.1", port)) {
            throw new InfrastructureException("Port " + port + " (Prometheus) is already in use; stop what listens "
                    + "there or use --port-offset");
        }
        Files.createDirectories(directory);
        Files.copy(projectRoot.resolve("deploy/prometheus/rules.yml"), directory.resolve("rules.yml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, configuration(processes));
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new LocalPrometheus(process, port);
    }

    /** The scrape configuration: one job per process, named like the process. */
    static String configuration(List<ServiceSpec> processes) {
        StringBuilder yaml = new StringBuilder("""
                # Written by `cairn up --observability` for this run; deploy/prometheus/prometheus.yml is the template.
                global:
                  scrape_interval: 5s
                  evaluation_interval: 15s
                rule_files:
                  - rules.yml
                scrape_configs:
                """);
        for (ServiceSpec process : processes) {
            yaml.append("  - job_name: ").append(process.name()).append('\n')
                    .append("    static_configs: [ { targets: [ \"127.0.0.1:").append(process.port()).append("\" ] } ]\n");
        }
        return yaml.toString();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }

    private static Optional<Path> executable(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return Optional.of(Path.of(directory, command));
            }
        }
        return Optional.empty();
    }
}
