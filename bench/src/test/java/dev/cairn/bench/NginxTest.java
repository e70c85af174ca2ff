package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class NginxTest {

    @Test
    void configProxiesToTheUpstreamWithKeepAliveAndKeepsEveryFileInThePrefix() {
        String config = Nginx.config(Path.of("/tmp/p"), 18080, 8083);
        assertThat(config).contains("listen 127.0.0.1:18080;", "server 127.0.0.1:8083; keepalive 128;",
                "proxy_http_version 1.1;", "proxy_set_header Connection \"\";", "error_log /tmp/p/error.log",
                "access_log /tmp/p/access.log;", "proxy_temp_path /tmp/p/tmp/proxy;");
        assertThat(config.lines().filter(line -> line.contains("/") && !line.contains("/tmp/p")
                && (line.contains("_path") || line.contains("_log")))).isEmpty();
    }
}
