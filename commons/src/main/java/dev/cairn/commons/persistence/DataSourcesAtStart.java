package dev.cairn.commons.persistence;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the process's data sources on the main thread, first thing at startup, so their pool metrics
 * ({@link PoolMetrics}) are registered there. Left lazy, the first message a consumer thread handles would create the
 * pool while the main thread registers Helidon's own metrics, and Helidon 4.1's metric registry can deadlock when two
 * threads create meters at once. Helidon's timers cannot be registered that early; {@link #registerPoolMetrics} registers
 * them once its metrics extension has started.
 */
@ApplicationScoped
public class DataSourcesAtStart {

    private static final Logger LOG = Logger.getLogger(DataSourcesAtStart.class.getName());

    void create(@Observes @Initialized(ApplicationScoped.class) @Priority(Interceptor.Priority.PLATFORM_BEFORE) Object start,
                @Any Instance<DataSource> dataSources) {
        for (DataSource dataSource : dataSources) {
            try {
                dataSource.getLoginTimeout();
            } catch (SQLException | RuntimeException e) {
                LOG.log(Level.FINE, "Data source not created at start: " + e.getMessage());
            }
        }
    }

    /**
     * Registers the pool meters the registry refused while the pools were made (Helidon's timers need its metrics
     * extension, which starts after them), still on the main thread, once the metrics extension has started.
     */
    void registerPoolMetrics(@Observes @Initialized(ApplicationScoped.class) @Priority(Interceptor.Priority.LIBRARY_AFTER)
                             Object start) {
        PendingPoolMeters.registerAll();
    }
}
