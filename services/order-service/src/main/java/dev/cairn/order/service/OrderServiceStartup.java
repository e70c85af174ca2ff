package dev.cairn.order.service;

import dev.cairn.commons.persistence.Migrations;
import dev.cairn.order.persistence.OrdersDataSource;
import dev.cairn.order.saga.OrderSaga;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;

import javax.sql.DataSource;

/**
 * Prepares the service before it takes traffic: migrates {@code cairn_orders} (the event store is the outbox, so the
 * shared outbox table is not needed here), starts the saga poller, which also resumes sagas of crashed instances,
 * and starts relaying the event store to the brokers.
 */
@ApplicationScoped
public class OrderServiceStartup {

    private final DataSource dataSource;
    private final OrderSaga saga;
    private final OrderStatusGauges gauges;
    private final OrderEventRelay relay;
    private final Config config;

    @Inject
    public OrderServiceStartup(@Named(OrdersDataSource.NAME) DataSource dataSource, OrderSaga saga,
                               OrderStatusGauges gauges, OrderEventRelay relay, Config config) {
        this.dataSource = dataSource;
        this.saga = saga;
        this.gauges = gauges;
        this.relay = relay;
        this.config = config;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Migrations.migrate(dataSource, config.getOptionalValue("cairn.postgres.connect-retries", Integer.class).orElse(5),
                Migrations.CONSUMER_LOCATION, Migrations.SERVICE_LOCATION);
        saga.start();
        gauges.start();
        relay.start();
    }
}
