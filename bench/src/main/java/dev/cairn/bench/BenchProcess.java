package dev.cairn.bench;

import dev.cairn.launcher.Project;
import dev.cairn.launcher.infra.Ports;
import dev.cairn.launcher.process.ManagedProcess;
import dev.cairn.launcher.process.Readiness;
import dev.cairn.launcher.process.ServiceSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A Cairn process started from its built jar on a free port (like test-support's {@code ServiceJvm}) that also
 * measures how long it took from spawning the JVM to {@code /health/ready} answering UP, polled every 10 ms.
 */
public final class BenchProcess implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;
    private final Duration timeToReady;

    private BenchProcess(ManagedProcess process, int port, Duration timeToReady) {
        this.process = process;
        this.port = port;
        this.timeToReady = timeToReady;
    }

    /** Starts {@code name} with exactly {@code environment} and {@code jvmOptions}; waits until it is ready. */
    public static BenchProcess start(String name, Map<String, String> environment, List<String> jvmOptions,
                                     Duration timeout) throws IOException, InterruptedException {
        ServiceSpec contract = ServiceSpec.named(name)
                .orElseThrow(() -> new IllegalArgumentException("No Cairn process named " + name));
        int port = Ports.freePort();
        ServiceSpec spec = contract.withPortOffset(port - contract.port());
        Path root = Project.root();
        Path log = root.resolve("bench").resolve("target").resolve("logs").resolve(name + ".log");
        long started = System.nanoTime();
        ManagedProcess process = ManagedProcess.start(spec, root, Project.javaCommand(), jvmOptions, environment,
                log, null);
        Readiness readiness = new Readiness();
        long deadline = started + timeout.toNanos();
        while (readiness.check("127.0.0.1", port).state() != Readiness.State.UP) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.kill();
                throw new IllegalStateException(name + " did not become ready (log: " + log + "); last lines:\n"
                        + String.join("\n", process.lastLines()));
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return new BenchProcess(process, port, Duration.ofNanos(System.nanoTime() - started));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Duration timeToReady() {
        return timeToReady;
    }

    /** Stops the process at once (SIGKILL), for measurements that are over and need nothing written at exit. */
    public void kill() throws InterruptedException {
        process.kill();
        process.awaitExit(Duration.ofSeconds(10));
    }

    /** Stops the process gracefully (SIGTERM), waiting up to {@code patience} for it to exit before killing it. */
    public void stop(Duration patience) throws InterruptedException {
        process.terminate();
        if (!process.awaitExit(patience)) {
            process.kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
