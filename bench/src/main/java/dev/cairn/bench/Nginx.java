package dev.cairn.bench;

import dev.cairn.launcher.infra.Ports;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * Debian's nginx as a plain reverse proxy in front of one upstream, started unprivileged with a generated
 * configuration in a temporary prefix: {@code worker_processes auto}, upstream keep-alive, HTTP/1.1 to the upstream,
 * access log on (as the gateway logs every request too).
 */
public final class Nginx implements AutoCloseable {

    public static final String BINARY = "/usr/sbin/nginx";

    private final Process process;
    private final Path prefix;
    private final int port;

    private Nginx(Process process, Path prefix, int port) {
        this.process = process;
        this.prefix = prefix;
        this.port = port;
    }

    public static boolean available() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** The configuration for an upstream on {@code upstreamPort}, listening on {@code port}, files under prefix. */
    static String config(Path prefix, int port, int upstreamPort) {
        return """
                worker_processes auto;
                error_log %1$s/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    upstream product { server 127.0.0.1:%3$d; keepalive 128; }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://product;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                        }
                    }
                }
                """.formatted(prefix, port, upstreamPort);
    }

    public static Nginx start(int upstreamPort) throws IOException {
        Path prefix = Files.createTempDirectory("cairn-bench-nginx");
        Files.createDirectories(prefix.resolve("tmp"));
        int port = Ports.freePort();
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config(prefix, port, upstreamPort));
        Process process = new ProcessBuilder(BINARY, "-p", prefix.toString(), "-c", conf.toString(), "-e",
                prefix.resolve("error.log").toString(), "-g", "daemon off; pid " + prefix.resolve("nginx.pid") + ";")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, prefix, port);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!nginx.answers()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                nginx.close();
                throw new IllegalStateException("nginx did not start: " + Files.readString(prefix.resolve("error.log")));
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return nginx;
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status > 0;
        } catch (IOException e) {
            return false;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(prefix)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind
        }
    }
}
