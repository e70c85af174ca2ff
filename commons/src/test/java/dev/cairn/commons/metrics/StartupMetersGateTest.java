package dev.cairn.commons.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StartupMetersGateTest {

    @Test
    void otherThreadsWaitWhileTheApplicationStartsAndGoOnOnceOpened() {
        StartupMetersGate gate = new StartupMetersGate(Duration.ofMinutes(1));
        gate.close();

        CompletableFuture<Void> consumer = CompletableFuture.runAsync(gate::awaitOpen);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !consumer.isDone());

        gate.open();
        await().atMost(Duration.ofSeconds(5)).until(consumer::isDone);
    }

    @Test
    void theStartingThreadNeverWaits() {
        StartupMetersGate gate = new StartupMetersGate(Duration.ofMinutes(1));
        gate.close();

        long started = System.nanoTime();
        gate.awaitOpen();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aGateNeverOpenedHoldsOthersBackOnlyForTheLongestWait() throws Exception {
        StartupMetersGate gate = new StartupMetersGate(Duration.ofMillis(200));
        gate.close();

        CompletableFuture.runAsync(gate::awaitOpen).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aGateNeverClosedDoesNotHoldAnyoneBack() throws Exception {
        StartupMetersGate gate = new StartupMetersGate(Duration.ofMinutes(1));

        CompletableFuture.runAsync(gate::awaitOpen).get(5, TimeUnit.SECONDS);
    }
}
