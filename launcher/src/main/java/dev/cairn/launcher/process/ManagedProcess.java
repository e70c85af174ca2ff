package dev.cairn.launcher.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running one Cairn process. Its output goes, line by line, to its log file and (unless quiet) to the
 * console with a {@code name |} prefix; the last lines are kept to explain an early exit.
 */
public final class ManagedProcess {

    private static final int KEPT_LINES = 40;

    private final ServiceSpec spec;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final Thread pump;

    private ManagedProcess(ServiceSpec spec, Process process, Path logFile, PrintStream console, String prefix) {
        this.spec = spec;
        this.process = process;
        this.pump = Thread.ofVirtual().name("log-" + spec.name()).start(() -> pump(logFile, console, prefix));
    }

    /**
     * Starts the process.
     *
     * @param javaCommand the java executable
     * @param jvmOptions  JVM options
     * @param environment extra environment variables
     * @param logFile     where its output is appended
     * @param console     where prefixed output is echoed, or {@code null} for none
     */
    public static ManagedProcess start(ServiceSpec spec, Path projectRoot, String javaCommand, List<String> jvmOptions,
                                       Map<String, String> environment, Path logFile, PrintStream console)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaCommand);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(spec.jar(projectRoot).toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(projectRoot.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(spec.port()));
        builder.environment().put("CAIRN_SERVICE_NAME", spec.name());
        Files.createDirectories(logFile.getParent());
        Process process = builder.start();
        String prefix = String.format("%-17s | ", spec.name());
        return new ManagedProcess(spec, process, logFile, console, prefix);
    }

    private void pump(Path logFile, PrintStream console, String prefix) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                remember(line);
                if (console != null) {
                    console.println(prefix + line);
                }
            }
        } catch (IOException e) {
            remember("(log pump stopped: " + e.getMessage() + ")");
        }
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    /** The last lines the process wrote (for error reports). */
    public synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Sends SIGTERM (graceful stop). */
    public void terminate() {
        process.destroy();
    }

    /**
     * Asks the JVM for a thread dump (SIGQUIT), which it writes to its output, i.e. to the process's log: what a process
     * that does not stop is stuck on. Returns false when the signal could not be sent.
     */
    public boolean requestThreadDump() {
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sends SIGKILL to the process and anything it started. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Waits for the process to end; true when it did within {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            pump.join(Duration.ofSeconds(2));
        }
        return ended;
    }
}
