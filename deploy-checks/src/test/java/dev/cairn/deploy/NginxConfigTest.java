package dev.cairn.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/nginx/nginx.conf passes `nginx -t` and balances over exactly the gateways of docker-compose.yml. */
class NginxConfigTest {

    private static final Pattern UPSTREAM_SERVER = Pattern.compile("(?m)^(\\s*server\\s+)([a-z0-9.-]+):(\\d+)");
    private static final Pattern LISTEN = Pattern.compile("(?m)^\\s*listen\\s+(\\d+)\\s*;");

    @TempDir
    Path prefix;

    @Test
    void configPassesNginxSyntaxCheckWithUpstreamsOnLocalhost() throws Exception {
        NginxRun run = nginxTest(localCopy(Repo.read("deploy/nginx/nginx.conf")));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("test is successful");
    }

    @Test
    void syntaxCheckRejectsAConfigWithAnUnknownDirective() throws Exception {
        String broken = Repo.read("deploy/nginx/nginx.conf").replace("proxy_http_version 1.1;", "proxy_http_versoin 1.1;");

        NginxRun run = nginxTest(localCopy(broken));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("unknown directive \"proxy_http_versoin\"");
    }

    @Test
    void upstreamIsExactlyTheComposeGatewaysOnTheGatewayPort() {
        Compose compose = Compose.load();
        int gatewayPort = ConfigKeys.serverPort("gateway");
        List<String> gateways = compose.services().keySet().stream().filter(n -> n.startsWith("gateway-"))
                .map(n -> n + ":" + gatewayPort).toList();

        List<String> servers = new ArrayList<>();
        Matcher matcher = UPSTREAM_SERVER.matcher(Repo.read("deploy/nginx/nginx.conf"));
        while (matcher.find()) {
            servers.add(matcher.group(2) + ":" + matcher.group(3));
        }

        assertThat(gateways).hasSize(2);
        assertThat(servers).containsExactlyInAnyOrderElementsOf(gateways);
    }

    @Test
    void listensOnThePortComposePublishes() {
        Matcher listen = LISTEN.matcher(Repo.read("deploy/nginx/nginx.conf"));
        assertThat(listen.find()).isTrue();

        List<Object> ports = Compose.list(Compose.load().service("nginx").get("ports"));

        assertThat(ports).hasSize(1);
        assertThat(Compose.withDefaults(String.valueOf(ports.getFirst()))).endsWith(":" + listen.group(1));
    }

    /** The config with upstreams on 127.0.0.1 (distinct ports) and pid, logs and temp files under the temp prefix. */
    private String localCopy(String config) throws IOException {
        Map<String, Integer> localPorts = new LinkedHashMap<>();
        Matcher matcher = UPSTREAM_SERVER.matcher(config);
        StringBuilder local = new StringBuilder();
        while (matcher.find()) {
            int port = localPorts.computeIfAbsent(matcher.group(2) + ":" + matcher.group(3), k -> 18080 + localPorts.size());
            matcher.appendReplacement(local, Matcher.quoteReplacement(matcher.group(1) + "127.0.0.1:" + port));
        }
        matcher.appendTail(local);
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        String temp = prefix.resolve("temp").toString();
        return local.toString()
                .replaceAll("(?m)^pid .*;", "pid " + prefix.resolve("nginx.pid") + ";")
                .replaceAll("(?m)^error_log .*;", "error_log " + prefix.resolve("logs/error.log") + " warn;")
                .replaceFirst("http \\{", "http {\n    client_body_temp_path " + temp + "/body;\n    proxy_temp_path "
                        + temp + "/proxy;\n    fastcgi_temp_path " + temp + "/fastcgi;\n    uwsgi_temp_path " + temp
                        + "/uwsgi;\n    scgi_temp_path " + temp + "/scgi;\n");
    }

    private NginxRun nginxTest(String config) throws Exception {
        Path file = prefix.resolve("nginx.conf");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(nginx().toString(), "-t", "-p", prefix.toString(),
                "-e", prefix.resolve("logs/startup.log").toString(), "-c", file.toString())
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("nginx -t did not finish in 30 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new NginxRun(process.exitValue(), output);
    }

    /** The nginx binary; its absence fails the test (CI installs Debian's nginx in .ci/run). */
    private static Path nginx() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        Stream.of(path.split(":")).filter(d -> !d.isBlank()).forEach(d -> candidates.add(Path.of(d, "nginx")));
        candidates.add(Path.of("/usr/sbin/nginx"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "nginx is not installed, so deploy/nginx/nginx.conf cannot be checked: install it with "
                        + "`apt-get install -y --no-install-recommends nginx` (.ci/run does this in CI)"));
    }

    private record NginxRun(int exitCode, String output) {
    }
}
