package dev.cairn.commons.persistence;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HikariCP pool metrics in MicroProfile Metrics, all made when the pool starts: {@code cairn_db_pool_connections}
 * {pool, state = active | idle | pending} (pending: threads waiting for a connection), {@code cairn_db_pool_max_connections},
 * {@code cairn_db_pool_acquire_seconds} (time to get a connection), {@code cairn_db_pool_usage_seconds} (how long one
 * is held) and {@code cairn_db_pool_timeouts_total} (borrows that gave up).
 */
public final class PoolMetrics implements MetricsTrackerFactory {

    private static final Logger LOG = Logger.getLogger(PoolMetrics.class.getName());

    private final MetricRegistry metrics;

    public PoolMetrics(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    /**
     * Registers the pool's metrics. A registry that cannot take them (Helidon 4.1 refuses to re-register a meter that a
     * previous CDI container of the same JVM left behind, as happens between tests) costs the metrics, not the pool.
     */
    @Override
    public IMetricsTracker create(String poolName, PoolStats stats) {
        try {
            return register(poolName, stats);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Metrics of the " + poolName + " connection pool are not registered: " + e);
            return new IMetricsTracker() {
            };
        }
    }

    private IMetricsTracker register(String poolName, PoolStats stats) {
        Tag pool = new Tag("pool", poolName);
        gauge("cairn_db_pool_connections", stats, PoolStats::getActiveConnections, pool, new Tag("state", "active"));
        gauge("cairn_db_pool_connections", stats, PoolStats::getIdleConnections, pool, new Tag("state", "idle"));
        gauge("cairn_db_pool_connections", stats, PoolStats::getPendingThreads, pool, new Tag("state", "pending"));
        gauge("cairn_db_pool_max_connections", stats, PoolStats::getMaxConnections, pool);
        Timer acquire = Objects.requireNonNull(metrics.timer("cairn_db_pool_acquire", pool), "acquire timer");
        Timer usage = Objects.requireNonNull(metrics.timer("cairn_db_pool_usage", pool), "usage timer");
        Counter timeouts = Objects.requireNonNull(metrics.counter("cairn_db_pool_timeouts", pool), "timeouts counter");
        return tracker(acquire, usage, timeouts);
    }

    private void gauge(String name, PoolStats stats, ToIntFunction<PoolStats> value, Tag... tags) {
        metrics.gauge(name, stats, s -> value.applyAsInt(s), tags);
    }

    private static IMetricsTracker tracker(Timer acquire, Timer usage, Counter timeouts) {
        return new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
                acquire.update(Duration.ofNanos(elapsedAcquiredNanos));
            }

            @Override
            public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
                usage.update(Duration.ofMillis(elapsedBorrowedMillis));
            }

            @Override
            public void recordConnectionTimeout() {
                timeouts.inc();
            }
        };
    }
}
