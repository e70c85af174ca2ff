package dev.cairn.commons.runtime;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InFlightRequestsTest {

    private final InFlightRequests requests = new InFlightRequests();

    @Test
    void drainWaitsForRequestsInFlightThenReturnsZero() throws Exception {
        assertThat(requests.tryEnter()).isTrue();
        CompletableFuture<Integer> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return requests.drain(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS).until(requests::isDraining);
        assertThat(drained).isNotDone();

        requests.exit();

        assertThat(drained.get(5, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void refusesNewRequestsWhileDraining() throws Exception {
        requests.drain(Duration.ZERO);

        assertThat(requests.tryEnter()).isFalse();
        assertThat(requests.count()).isZero();
    }

    @Test
    void drainGivesUpAfterTheGracePeriodAndReportsWhatIsLeft() throws Exception {
        requests.tryEnter();
        requests.tryEnter();

        assertThat(requests.drain(Duration.ofMillis(50))).isEqualTo(2);
    }
}
