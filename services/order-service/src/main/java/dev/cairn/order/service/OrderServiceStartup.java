package dev.cairn.order.service;

import dev.cairn.commons.persistence.PostgresDataSources;
import dev.cairn.order.persistence.OrdersDataSource;
import dev.cairn.order.saga.OrderSaga;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import javax.sql.DataSource;

/**
 * Prepares the service before it takes traffic: makes sure {@code cairn_orders} is reachable and migrated (its
 * producer, {@link OrdersDataSource}, migrates it; the event store is the outbox, so the shared outbox table is not
 * needed here), starts the saga poller, which also resumes sagas of crashed instances,
 * and starts relaying the event store to the brokers.
 */
@ApplicationScoped
public class OrderServiceStartup {

    private final DataSource dataSource;
    private final OrderSaga saga;
    private final OrderStatusGauges gauges;
    private final OrderEventRelay relay;

    @Inject
    public OrderServiceStartup(@Named(OrdersDataSource.NAME) DataSource dataSource, OrderSaga saga,
                               OrderStatusGauges gauges, OrderEventRelay relay) {
        this.dataSource = dataSource;
        this.saga = saga;
        this.gauges = gauges;
        this.relay = relay;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        PostgresDataSources.requireReachable(dataSource); // creating it migrated the schema
        saga.start();
        gauges.start();
        relay.start();
    }
}
