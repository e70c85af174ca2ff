package dev.cairn.commons.persistence;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.PoolStats;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PoolMetricsTest {

    private final AtomicBoolean refusing = new AtomicBoolean(true);
    private final AtomicInteger registrations = new AtomicInteger();
    private final List<String> recorded = new CopyOnWriteArrayList<>();
    private final PoolStats stats = new PoolStats(0) {
        @Override
        protected void update() {
        }
    };

    @Test
    void aPoolMadeBeforeTheRegistryIsReadyGetsItsMetersAtAUseAfterIt() {
        IMetricsTracker tracker = new PoolMetrics(registry(), Duration.ZERO).create("orders", stats);

        tracker.recordConnectionAcquiredNanos(1_000_000);
        assertThat(recorded).as("nothing recorded while the registry refuses").isEmpty();
        assertThat(registrations).hasValue(1);

        refusing.set(false);
        tracker.recordConnectionAcquiredNanos(2_000_000);
        tracker.recordConnectionUsageMillis(7);
        tracker.recordConnectionTimeout();

        assertThat(recorded).containsExactly("cairn_db_pool_acquire PT0.002S", "cairn_db_pool_usage PT0.007S",
                "cairn_db_pool_timeouts inc");
        assertThat(registrations).as("registered once, then reused").hasValue(2);
    }

    @Test
    void aRefusingRegistryIsNotAskedAgainBeforeTheRetryInterval() {
        IMetricsTracker tracker = new PoolMetrics(registry(), Duration.ofHours(1)).create("users", stats);

        for (int i = 0; i < 100; i++) {
            tracker.recordConnectionAcquiredNanos(1_000);
        }
        refusing.set(false);
        tracker.recordConnectionUsageMillis(3);

        assertThat(registrations).hasValue(1);
        assertThat(recorded).isEmpty();
    }

    @Test
    void pendingMetersAreRegisteredWhenAskedWithoutWaitingForTheNextUse() {
        IMetricsTracker tracker = new PoolMetrics(registry(), Duration.ofHours(1)).create("products", stats);
        tracker.recordConnectionAcquiredNanos(1_000);
        assertThat(registrations).hasValue(1);

        refusing.set(false);
        PendingPoolMeters.registerAll();
        assertThat(registrations).as("registered by registerAll, not by a use").hasValue(2);

        tracker.recordConnectionUsageMillis(3);
        PendingPoolMeters.registerAll();
        assertThat(recorded).containsExactly("cairn_db_pool_usage PT0.003S");
        assertThat(registrations).as("a registered pool is not registered again").hasValue(2);
    }

    /** A registry whose first gauge call fails while {@link #refusing}, and whose meters record what they get. */
    private MetricRegistry registry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "gauge" -> {
                        if (isFirstGauge(args)) {
                            registrations.incrementAndGet();
                            if (refusing.get()) {
                                throw new NullPointerException("registry not initialised");
                            }
                        }
                        yield meter(Gauge.class, (String) args[0]);
                    }
                    case "timer" -> meter(Timer.class, (String) args[0]);
                    case "counter" -> meter(Counter.class, (String) args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The first of a registration's gauges: connections in state active. */
    private static boolean isFirstGauge(Object[] args) {
        return "cairn_db_pool_connections".equals(args[0])
                && Arrays.stream((Tag[]) args[args.length - 1]).anyMatch(tag -> "active".equals(tag.getTagValue()));
    }

    private <T> T meter(Class<T> type, String name) {
        return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "update" -> recorded.add(name + " " + args[0]);
                        case "inc" -> recorded.add(name + " inc");
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                }));
    }
}
