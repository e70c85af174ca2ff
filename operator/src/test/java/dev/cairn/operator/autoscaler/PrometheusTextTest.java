package dev.cairn.operator.autoscaler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP cairn_http_server_requests_total JAX-RS requests
            # TYPE cairn_http_server_requests_total counter
            cairn_http_server_requests_total{method="GET",route="/api/v1/products",status="200"} 120
            cairn_http_server_requests_total{method="POST",route="/api/v1/orders",status="202"} 30.5
            cairn_http_server_requests_total_created{method="GET"} 1.7e9
            cairn_http_server_request_seconds_sum{method="GET",route="/x"} 4.25
            cairn_http_server_request_seconds_count{method="GET",route="/x"} 17
            plain_gauge 3 1700000000000
            """;

    @Test
    void addsUpEverySampleOfTheSeriesAcrossLabels() {
        assertThat(PrometheusText.sum(EXPOSITION, "cairn_http_server_requests_total")).isEqualTo(150.5);
        assertThat(PrometheusText.sum(EXPOSITION, "cairn_http_server_request_seconds_sum")).isEqualTo(4.25);
        assertThat(PrometheusText.sum(EXPOSITION, "plain_gauge")).isEqualTo(3);
    }

    @Test
    void answersNaNForAMissingSeries() {
        assertThat(PrometheusText.sum(EXPOSITION, "cairn_gateway_requests_total")).isNaN();
    }
}
