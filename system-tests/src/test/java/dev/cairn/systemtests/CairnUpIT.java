package dev.cairn.systemtests;

import dev.cairn.launcher.Project;
import dev.cairn.launcher.process.ServiceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `./cairn up` as a user runs it: all five processes become ready, serve metrics, and a SIGINT stops every one of them
 * gracefully, leaving no process behind. Runs on ports 9080-9084 with its own run directory, so it does not collide
 * with a developer's own `cairn up`.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CairnUpIT {

    private static final int PORT_OFFSET = 1000;
    private static final Path ROOT = Project.root();
    private static final Path RUN_DIR = ROOT.resolve("system-tests/target/cairn-up-it");
    private static final Path OUTPUT = RUN_DIR.resolve("cairn-up.out");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<ServiceSpec> PROCESSES =
            ServiceSpec.PLATFORM.stream().map(s -> s.withPortOffset(PORT_OFFSET)).toList();

    private static Process cairnUp;
    private static List<ProcessHandle> children;

    @BeforeAll
    static void startCairnUp() throws IOException {
        Files.createDirectories(RUN_DIR);
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("cairn").toString(), "up", "--quiet",
                "--port-offset", Integer.toString(PORT_OFFSET))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(OUTPUT.toFile());
        builder.environment().put("CAIRN_RUN_DIR", RUN_DIR.toString());
        List.of("CAIRN_MONGO_URI", "CAIRN_KAFKA_BOOTSTRAP").forEach(builder.environment()::remove);
        cairnUp = builder.start();
    }

    @AfterAll
    static void killLeftovers() {
        if (cairnUp != null && cairnUp.isAlive()) {
            cairnUp.descendants().forEach(ProcessHandle::destroyForcibly);
            cairnUp.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void allFiveProcessesBecomeReady() {
        await().atMost(3, TimeUnit.MINUTES).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(cairnUp.isAlive()).as("cairn up is running; output:\n%s", output()).isTrue();
                    for (ServiceSpec process : PROCESSES) {
                        assertThat(get(process.port(), "/health/ready").statusCode())
                                .as(process.name() + " ready").isEqualTo(200);
                    }
                });
        await().atMost(30, TimeUnit.SECONDS).until(() -> output().contains("Cairn is up in"));
        children = cairnUp.descendants().filter(ProcessHandle::isAlive).toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(PROCESSES.size());
    }

    @Test
    @Order(2)
    void everyProcessServesPrometheusMetrics() throws Exception {
        for (ServiceSpec process : PROCESSES) {
            HttpResponse<String> metrics = get(process.port(), "/metrics");
            assertThat(metrics.statusCode()).as(process.name()).isEqualTo(200);
            assertThat(metrics.body()).as(process.name()).contains("# TYPE").contains("jvm_uptime_seconds");
        }
    }

    @Test
    @Order(3)
    void statusCommandSeesTheRunningPlatform() throws Exception {
        ProcessBuilder status = new ProcessBuilder(ROOT.resolve("cairn").toString(), "status")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        status.environment().put("CAIRN_RUN_DIR", RUN_DIR.toString());
        Process process = status.start();
        String text = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("gateway", "user-service", "order-service", "product-service", "analytics-service");
    }

    @Test
    @Order(4)
    void sigintStopsEveryProcessGracefully() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(cairnUp.pid())).start().waitFor(10, TimeUnit.SECONDS);

        assertThat(cairnUp.waitFor(90, TimeUnit.SECONDS)).as("cairn up exits; output:\n%s", output()).isTrue();
        assertThat(cairnUp.exitValue()).as(output()).isZero();
        await().atMost(10, TimeUnit.SECONDS).untilAsserted(() ->
                assertThat(children).as("child processes still alive").noneMatch(ProcessHandle::isAlive));
        for (ServiceSpec process : PROCESSES) {
            assertThat(output()).contains("stopped " + process.name() + " (exit status 0)");
        }
        assertThat(Files.exists(RUN_DIR.resolve("run/state.properties"))).isFalse();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new AssertionError("nothing listens on " + port + " yet", e);
        }
    }

    private static String output() throws IOException {
        return Files.exists(OUTPUT) ? Files.readString(OUTPUT) : "";
    }
}
