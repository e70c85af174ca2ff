package dev.cairn.order.service;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.order.domain.OrderStatus;
import dev.cairn.order.persistence.OrdersDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * {@code cairn_orders_total{status}}: how many orders are in each status, counted in the read model every 5 s. A
 * gauge, because orders move between statuses (and a counter named {@code cairn_orders} would clash with the
 * {@code cairn_orders_created} series Prometheus derives from it).
 */
@ApplicationScoped
public class OrderStatusGauges {

    private static final Logger LOG = Logger.getLogger(OrderStatusGauges.class.getName());

    private final DataSource dataSource;
    private final Map<OrderStatus, AtomicLong> counts = new EnumMap<>(OrderStatus.class);
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("order-status-gauges").daemon().factory());

    @Inject
    public OrderStatusGauges(@Named(OrdersDataSource.NAME) DataSource dataSource,
                             @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.dataSource = dataSource;
        for (OrderStatus status : OrderStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Meters.gauge(metrics, "cairn_orders_total", count, AtomicLong::get, new Tag("status", status.name()));
        }
    }

    /** Starts counting. */
    public void start() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, 5, TimeUnit.SECONDS);
    }

    private void refresh() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select status, count(*) from orders_view group by status")) {
            counts.values().forEach(count -> count.set(0));
            while (rows.next()) {
                counts.get(OrderStatus.valueOf(rows.getString(1))).set(rows.getLong(2));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.fine(() -> "Order status gauges not refreshed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
