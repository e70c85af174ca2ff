package dev.cairn.testsupport;

import dev.cairn.launcher.Project;
import dev.cairn.launcher.process.ManagedProcess;
import dev.cairn.launcher.process.Readiness;
import dev.cairn.launcher.process.ServiceSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cairn process started as its own JVM from its built jar, for {@code *IT} tests: on a free port, pointed at the
 * {@link TestInfrastructure} datastores, logging to {@code target/it-logs/<name>.log}.
 */
public final class ServiceJvm implements AutoCloseable {

    private final ManagedProcess process;
    private final int port;

    private ServiceJvm(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the named process (e.g. {@code user-service}) and waits until {@code /health/ready} is UP.
     *
     * @param extraEnvironment environment variables on top of the datastore URLs
     */
    public static ServiceJvm start(String name, Map<String, String> extraEnvironment, Duration timeout)
            throws IOException, InterruptedException {
        return start(name, extraEnvironment, timeout, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m"));
    }

    /** Like {@link #start(String, Map, Duration)} with the given JVM options (benchmarks want the full JIT). */
    public static ServiceJvm start(String name, Map<String, String> extraEnvironment, Duration timeout,
                                   List<String> jvmOptions) throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CAIRN_POSTGRES_URL", TestInfrastructure.postgresUrl());
        environment.put("CAIRN_POSTGRES_USER", TestInfrastructure.postgresUser());
        environment.put("CAIRN_POSTGRES_PASSWORD", TestInfrastructure.postgresPassword());
        environment.put("CAIRN_REDIS_URL", TestInfrastructure.redisUrl());
        environment.put("CAIRN_RABBITMQ_URL", TestInfrastructure.rabbitmqUrl());
        environment.put("CAIRN_MONGO_URI", TestInfrastructure.mongoUri());
        environment.put("CAIRN_KAFKA_BOOTSTRAP", TestInfrastructure.kafkaBootstrap());
        environment.putAll(extraEnvironment);
        return startWith(name, environment, timeout, jvmOptions);
    }

    /**
     * Starts the named process with exactly {@code environment} (no datastores resolved for it) and waits until
     * {@code /health/ready} is UP.
     */
    public static ServiceJvm startWith(String name, Map<String, String> environment, Duration timeout,
                                       List<String> jvmOptions) throws IOException, InterruptedException {
        ServiceSpec contract = ServiceSpec.named(name)
                .orElseThrow(() -> new IllegalArgumentException("No Cairn process named " + name));
        int port = dev.cairn.launcher.infra.Ports.freePort();
        ServiceSpec spec = contract.withPortOffset(port - contract.port());
        Path root = Project.root();
        Path log = root.resolve(spec.moduleDir()).resolve("target").resolve("it-logs").resolve(name + ".log");
        ManagedProcess process = ManagedProcess.start(spec, root, Project.javaCommand(),
                jvmOptions, environment, log, null);
        ServiceJvm jvm = new ServiceJvm(process, port);
        Readiness readiness = new Readiness();
        Instant deadline = Instant.now().plus(timeout);
        while (readiness.check("127.0.0.1", port).state() != Readiness.State.UP) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                jvm.close();
                throw new IllegalStateException(name + " did not become ready; last lines:\n"
                        + String.join("\n", process.lastLines()));
            }
            Thread.sleep(250);
        }
        return jvm;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.terminate();
        if (!process.awaitExit(Duration.ofSeconds(30))) {
            process.kill();
        }
    }
}
