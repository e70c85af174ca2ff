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
 * threads create meters at once.
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
}
