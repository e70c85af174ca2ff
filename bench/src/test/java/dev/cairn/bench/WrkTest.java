package dev.cairn.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrkTest {

    private static final String REPORT = """
            Running 10s test @ http://127.0.0.1:8083/api/v1/products/1
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     4.10ms    2.01ms  40.12ms   80.00%
                Req/Sec     3.95k   310.22     4.60k    70.00%
              78712 requests in 10.00s, 30.11MB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 7
            Requests/sec:   7871.20
            Transfer/sec:      3.01MB
            """;

    @Test
    void readsRateRequestsAndAllErrors() {
        Wrk.Result result = Wrk.parse(REPORT);
        assertThat(result.requestsPerSecond()).isEqualTo(7871.20);
        assertThat(result.requests()).isEqualTo(78712);
        assertThat(result.errors()).isEqualTo(12);
    }

    @Test
    void aCleanRunHasNoErrors() {
        String clean = REPORT.replace("  Socket errors: connect 0, read 2, write 0, timeout 3\n", "")
                .replace("  Non-2xx or 3xx responses: 7\n", "");
        assertThat(Wrk.parse(clean).errors()).isZero();
    }

    @Test
    void refusesOutputWithoutARate() {
        assertThatThrownBy(() -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Connection refused");
    }

    @Test
    void commandCarriesHeadersAndWholeSeconds() {
        assertThat(Wrk.command("http://x/", 2, 32, Duration.ofMillis(2500), Map.of("Authorization", "Bearer t")))
                .containsExactly("wrk", "-t2", "-c32", "-d2s", "-H", "Authorization: Bearer t", "http://x/");
    }
}
