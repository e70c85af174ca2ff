package dev.cairn.commons.persistence;

import dev.cairn.commons.metrics.Meters;
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
 * HikariCP pool metrics in MicroProfile Metrics: {@code cairn_db_pool_connections}
 * {pool, state = active | idle | pending} (pending: threads waiting for a connection), {@code cairn_db_pool_max_connections},
 * {@code cairn_db_pool_acquire_seconds} (time to get a connection), {@code cairn_db_pool_usage_seconds} (how long one
 * is held) and {@code cairn_db_pool_timeouts_total} (borrows that gave up).
 * <p>
 * The meters are registered when the pool is first used, not when it is made: a service's pool is made while CDI
 * starts (it migrates the schema before anyone uses it), when Helidon's metrics are not ready yet. A registry that
 * still refuses them is asked again at most every {@link #RETRY_INTERVAL}, and the pool works without metrics meanwhile;
 * {@link DataSourcesAtStart} asks once more as soon as Helidon's metrics have started ({@link PendingPoolMeters}).
 */
public final class PoolMetrics implements MetricsTrackerFactory {

    static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);
    private static final int FAILURES_BEFORE_WARNING = 6;

    private static final Logger LOG = Logger.getLogger(PoolMetrics.class.getName());
    private static final IMetricsTracker NONE = new IMetricsTracker() {
    };

    private final MetricRegistry metrics;
    private final Duration retryInterval;

    public PoolMetrics(MetricRegistry metrics) {
        this(metrics, RETRY_INTERVAL);
    }

    PoolMetrics(MetricRegistry metrics, Duration retryInterval) {
        this.metrics = metrics;
        this.retryInterval = retryInterval;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats stats) {
        DeferredTracker tracker = new DeferredTracker(poolName, stats);
        PendingPoolMeters.add(tracker);
        return tracker;
    }

    private IMetricsTracker register(String poolName, PoolStats stats) {
        Tag pool = new Tag("pool", poolName);
        gauge("cairn_db_pool_connections", stats, PoolStats::getActiveConnections, pool, new Tag("state", "active"));
        gauge("cairn_db_pool_connections", stats, PoolStats::getIdleConnections, pool, new Tag("state", "idle"));
        gauge("cairn_db_pool_connections", stats, PoolStats::getPendingThreads, pool, new Tag("state", "pending"));
        gauge("cairn_db_pool_max_connections", stats, PoolStats::getMaxConnections, pool);
        Timer acquire = Objects.requireNonNull(Meters.timer(metrics, "cairn_db_pool_acquire", pool), "acquire timer");
        Timer usage = Objects.requireNonNull(Meters.timer(metrics, "cairn_db_pool_usage", pool), "usage timer");
        Counter timeouts = Objects.requireNonNull(Meters.counter(metrics, "cairn_db_pool_timeouts", pool), "timeouts counter");
        return tracker(acquire, usage, timeouts);
    }

    private void gauge(String name, PoolStats stats, ToIntFunction<PoolStats> value, Tag... tags) {
        Meters.gauge(metrics, name, stats, s -> value.applyAsInt(s), tags);
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

    /** Registers the pool's meters at its first use after the registry accepts them, then records into them. */
    private final class DeferredTracker implements IMetricsTracker, PendingPoolMeters.Registration {

        private final String poolName;
        private final PoolStats stats;
        private volatile IMetricsTracker registered;
        private volatile long nextAttemptNanos = System.nanoTime();
        private int failures;

        DeferredTracker(String poolName, PoolStats stats) {
            this.poolName = poolName;
            this.stats = stats;
        }

        @Override
        public void recordConnectionAcquiredNanos(long elapsedAcquiredNanos) {
            tracker().recordConnectionAcquiredNanos(elapsedAcquiredNanos);
        }

        @Override
        public void recordConnectionUsageMillis(long elapsedBorrowedMillis) {
            tracker().recordConnectionUsageMillis(elapsedBorrowedMillis);
        }

        @Override
        public void recordConnectionTimeout() {
            tracker().recordConnectionTimeout();
        }

        private IMetricsTracker tracker() {
            IMetricsTracker current = registered;
            if (current != null) {
                return current;
            }
            if (System.nanoTime() - nextAttemptNanos < 0) {
                return NONE;
            }
            synchronized (this) {
                if (registered == null && System.nanoTime() - nextAttemptNanos >= 0) {
                    tryRegister();
                }
                return registered == null ? NONE : registered;
            }
        }

        @Override
        public synchronized void registerNow() {
            if (registered == null) {
                tryRegister();
            }
        }

        private void tryRegister() {
            try {
                registered = register(poolName, stats);
                PendingPoolMeters.remove(this);
            } catch (RuntimeException e) {
                nextAttemptNanos = System.nanoTime() + retryInterval.toNanos();
                failures++;
                // expected once while the service starts; a warning when the registry keeps refusing
                if (failures == 1 || failures == FAILURES_BEFORE_WARNING) {
                    LOG.log(failures == 1 ? Level.INFO : Level.WARNING, "Metrics of the " + poolName
                            + " connection pool are not registered yet (" + e + "); trying again every "
                            + retryInterval.toMillis() + " ms");
                }
            }
        }
    }
}
