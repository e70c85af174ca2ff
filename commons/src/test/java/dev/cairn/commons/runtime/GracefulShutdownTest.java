package dev.cairn.commons.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulShutdownTest {

    @Test
    void drainReportsRequestsThatOutlastTheGracePeriod() {
        InFlightRequests requests = new InFlightRequests();
        requests.tryEnter();
        GracefulShutdown shutdown = new GracefulShutdown(Duration.ofMillis(20), status -> { });

        assertThat(shutdown.drain(requests)).isEqualTo(1);
        assertThat(requests.isDraining()).isTrue();
    }
}
