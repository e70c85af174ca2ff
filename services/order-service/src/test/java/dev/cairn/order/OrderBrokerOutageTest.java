package dev.cairn.order;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dev.cairn.commons.messaging.AggregateSequencer;
import dev.cairn.commons.messaging.Delivery;
import dev.cairn.commons.messaging.SequencePositions;
import dev.cairn.commons.relay.LeaderLock;
import dev.cairn.commons.relay.OutboxRelay;
import dev.cairn.commons.relay.RabbitMqSink;
import dev.cairn.order.persistence.EventStoreOutbox;
import dev.cairn.testsupport.ProductCatalogStub;
import dev.cairn.testsupport.TcpProxy;
import dev.cairn.testsupport.TestInfrastructure;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RabbitMQ is unreachable (a proxy cuts the relay's connection) while 100 orders are placed and confirmed: their
 * events wait in the event store, and once the broker is back every one is delivered and an ordered, deduplicating
 * consumer applies each exactly once, in sequence. The service's own relay is off; this test runs one through the
 * proxy.
 */
@HelidonTest
@AddConfig(key = "cairn.relay.enabled", value = "false")
@AddConfig(key = "cairn.orders.saga.poll-interval", value = "200ms")
@AddConfig(key = "dev.cairn.order.client.ProductPrices/find/CircuitBreaker/enabled", value = "false")
class OrderBrokerOutageTest {

    private static final int ORDERS = 100;
    private static final LeaderLock ALWAYS_LEADER = new LeaderLock() {
        @Override
        public boolean acquire() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    @Inject
    WebTarget target;
    @Inject
    @Named("orders")
    DataSource dataSource;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private final Map<String, List<Long>> applied = new ConcurrentHashMap<>();
    private final AtomicInteger deliveries = new AtomicInteger();

    @Test
    void eventsOfOrdersPlacedWhileTheBrokerIsDownAreAllAppliedOnceWhenItReturns() throws Exception {
        URI broker = URI.create(TestInfrastructure.rabbitmqUrl());
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker);
        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Outage", "2.00", "EUR");
        api.stock(product, ORDERS);
        try (TcpProxy proxy = new TcpProxy(broker.getHost(), broker.getPort() > 0 ? broker.getPort() : 5672);
             Connection connection = factory.newConnection();
             AggregateSequencer sequencer = new AggregateSequencer("outage-test", new MemoryPositions(),
                     Duration.ofSeconds(30), Duration.ofMillis(100), Clock.systemUTC(), outcome -> { })) {
            Channel channel = connection.createChannel();
            channel.exchangeDeclare("cairn.events", "topic", true);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "cairn.events", "order.*");
            channel.basicQos(500);
            channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    deliveries.incrementAndGet();
                    sequencer.accept(new Acking(channel, envelope.getDeliveryTag(), body), event -> applied
                            .computeIfAbsent(event.subject(), key -> new CopyOnWriteArrayList<>()).add(event.sequence()));
                }
            });

            URI throughProxy = URI.create(broker.getScheme() + "://" + broker.getRawUserInfo() + "@127.0.0.1:" + proxy.port());
            proxy.cut();
            try (OutboxRelay relay = new OutboxRelay("order-outage-test",
                    new EventStoreOutbox(dataSource, "outage-test-" + UUID.randomUUID()),
                    List.of(new RabbitMqSink(throughProxy, Duration.ofSeconds(2))), ALWAYS_LEADER, Duration.ofMillis(50),
                    metrics.counter("order_outage_test_published"), metrics.counter("order_outage_test_failures"))) {
                relay.start();
                List<String> orders = new ArrayList<>();
                OrderApi.Customer customer = OrderApi.customer();
                for (int i = 0; i < ORDERS; i++) {
                    orders.add(api.placed(customer, OrderApi.order(product, 1, "tok_ok")));
                }
                for (String order : orders) {
                    api.awaitStatus(customer, order, "CONFIRMED");
                }
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        metrics.counter("order_outage_test_failures").getCount() >= 2);
                assertThat(orders).noneMatch(applied::containsKey);

                proxy.restore();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(orders).allSatisfy(order ->
                        assertThat(applied.get(order)).as(order).containsExactly(1L, 2L)));
            }
            assertThat(deliveries.get()).isGreaterThanOrEqualTo(2 * ORDERS);
        }
    }

    /** Positions of the test consumer, in memory. */
    private static final class MemoryPositions implements SequencePositions {
        private final Map<String, Long> positions = new ConcurrentHashMap<>();

        @Override
        public long last(String aggregate) {
            return positions.getOrDefault(aggregate, 0L);
        }

        @Override
        public void advance(String aggregate, long sequence) {
            positions.merge(aggregate, sequence, Math::max);
        }
    }

    /** A delivery of the plain client, acknowledged on its channel. */
    private record Acking(Channel channel, long tag, byte[] body) implements Delivery {
        @Override
        public Optional<String> traceparent() {
            return Optional.empty();
        }

        @Override
        public CompletionStage<Void> ack() {
            synchronized (channel) {
                try {
                    channel.basicAck(tag, false);
                    return CompletableFuture.completedFuture(null);
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        }

        @Override
        public CompletionStage<Void> retry(Throwable error) {
            return ack();
        }

        @Override
        public CompletionStage<Void> deadLetter(String reason) {
            throw new AssertionError("nothing should be dead-lettered: " + reason);
        }
    }
}
