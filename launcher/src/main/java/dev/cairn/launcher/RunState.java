package dev.cairn.launcher;

import dev.cairn.launcher.infra.LocalInfrastructure;
import dev.cairn.launcher.process.ServiceSpec;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running `cairn up` writes to {@code .cairn/run/state.properties} so that `cairn status`, `down` and `logs`
 * find it: the launcher's pid, each process's port and pid, and the datastore URLs (passwords removed).
 *
 * @param launcherPid pid of the `cairn up` JVM
 * @param startedAt   when it started
 * @param processes   the launched processes
 * @param datastores  datastore name to URL
 */
public record RunState(long launcherPid, Instant startedAt, List<Entry> processes, Map<String, String> datastores) {

    /**
     * @param name process name
     * @param port HTTP port
     * @param pid  process id
     */
    public record Entry(String name, int port, long pid) {
    }

    public static Path file(Path projectRoot) {
        return Project.runDirectory(projectRoot).resolve("run").resolve("state.properties");
    }

    public static Path logFile(Path projectRoot, String process) {
        return Project.runDirectory(projectRoot).resolve("logs").resolve(process + ".log");
    }

    public void write(Path projectRoot) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("launcher.pid", Long.toString(launcherPid));
        properties.setProperty("started.at", startedAt.toString());
        List<String> names = new ArrayList<>();
        for (Entry entry : processes) {
            names.add(entry.name());
            properties.setProperty("process." + entry.name() + ".port", Integer.toString(entry.port()));
            properties.setProperty("process." + entry.name() + ".pid", Long.toString(entry.pid()));
        }
        properties.setProperty("processes", String.join(",", names));
        datastores.forEach((name, url) -> properties.setProperty("datastore." + name, LocalInfrastructure.redact(url)));
        Path file = file(projectRoot);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling("state.properties.tmp");
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            properties.store(writer, "cairn up state; removed when it stops");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The state of a running `cairn up`, if one is running (a stale file of a dead launcher is ignored). */
    public static Optional<RunState> read(Path projectRoot) throws IOException {
        Path file = file(projectRoot);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        long pid = Long.parseLong(properties.getProperty("launcher.pid", "-1"));
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : properties.getProperty("processes", "").split(",")) {
            if (!name.isBlank()) {
                entries.add(new Entry(name, Integer.parseInt(properties.getProperty("process." + name + ".port")),
                        Long.parseLong(properties.getProperty("process." + name + ".pid"))));
            }
        }
        Map<String, String> datastores = new java.util.TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("datastore.")) {
                datastores.put(key.substring("datastore.".length()), properties.getProperty(key));
            }
        }
        return Optional.of(new RunState(pid, Instant.parse(properties.getProperty("started.at")), entries, datastores));
    }

    public static void delete(Path projectRoot) throws IOException {
        Files.deleteIfExists(file(projectRoot));
    }

    /** Entries for the given specs and their processes. */
    public static List<Entry> entries(List<ServiceSpec> specs, List<Long> pids) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            entries.add(new Entry(specs.get(i).name(), specs.get(i).port(), pids.get(i)));
        }
        return entries;
    }
}
