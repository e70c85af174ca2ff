package dev.cairn.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Cairn checkout is: {@code -Dcairn.home} (set by the ./cairn script), else the nearest parent with mvnw. */
public final class Project {

    private Project() {
    }

    public static Path root() {
        String home = System.getProperty("cairn.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        Path directory = Path.of("").toAbsolutePath();
        for (Path candidate = directory; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("mvnw")) && Files.isDirectory(candidate.resolve("launcher"))) {
                return candidate;
            }
        }
        return directory;
    }

    /**
     * Where `cairn up` keeps its state, logs and embedded data: {@code $CAIRN_RUN_DIR}, else {@code <root>/.cairn}.
     * A second platform (e.g. a system test next to a developer's `cairn up`) uses its own directory.
     */
    public static Path runDirectory(Path projectRoot) {
        String configured = System.getenv("CAIRN_RUN_DIR");
        return configured == null || configured.isBlank() ? projectRoot.resolve(".cairn")
                : Path.of(configured).toAbsolutePath().normalize();
    }

    /** The java executable of this JVM (a JDK >= 21, since the launcher itself needs it). */
    public static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The JDK's module image ({@code lib/modules}) of the JVM that runs the processes: it changes with the JDK. */
    public static Path jdkModules() {
        return Path.of(System.getProperty("java.home"), "lib", "modules");
    }
}
