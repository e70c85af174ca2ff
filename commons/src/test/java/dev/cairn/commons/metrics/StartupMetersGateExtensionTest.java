package dev.cairn.commons.metrics;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@HelidonTest
@AddConfig(key = "cairn.readiness.datastores", value = "")
class StartupMetersGateExtensionTest {

    @Inject
    MetricRegistry registry;

    @Test
    void aStartedApplicationLetsOtherThreadsRegisterMetersAtOnce() throws Exception {
        // a gate left closed would hold this thread for its longest wait (10 s)
        Counter counter = CompletableFuture.supplyAsync(() -> Meters.counter(registry, "cairn_gate_check_total"))
                .get(5, TimeUnit.SECONDS);

        assertThat(counter).isNotNull();
    }
}
