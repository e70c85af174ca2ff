package dev.cairn.commons.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection pools of this process whose meters the metrics registry refused so far ({@link PoolMetrics} registers
 * them when the pool is first used, and a pool is made before Helidon's metrics are ready). Kept apart from
 * {@code PoolMetrics}, which needs HikariCP on the class path, so that {@link DataSourcesAtStart} can ask for them in
 * every service, with or without a database.
 */
final class PendingPoolMeters {

    private static final Set<Registration> PENDING = ConcurrentHashMap.newKeySet();

    /** A pool's registration that may be tried again. */
    interface Registration {
        void registerNow();
    }

    private PendingPoolMeters() {
    }

    static void add(Registration registration) {
        PENDING.add(registration);
    }

    static void remove(Registration registration) {
        PENDING.remove(registration);
    }

    /** Tries every pending registration now (one that still fails stays pending and is retried at a later use). */
    static void registerAll() {
        for (Registration registration : PENDING) {
            registration.registerNow();
        }
    }
}
