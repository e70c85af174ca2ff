package dev.cairn.user;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.relay.EventSink;
import dev.cairn.commons.relay.JdbcOutboxSource;
import dev.cairn.commons.relay.LeaderLock;
import dev.cairn.commons.relay.OutboxRelay;
import dev.cairn.commons.relay.RabbitMqSink;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RabbitMQ goes away (its connection cut by a proxy) while users register: their events wait in the outbox and
 * are all delivered, in order, once the broker is reachable again. The service's own relay is switched off; this
 * test runs one through the proxy.
 */
@HelidonTest
@AddConfig(key = "cairn.relay.enabled", value = "false")
class BrokerOutageTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("users")
    DataSource dataSource;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private static final LeaderLock LEADER = new LeaderLock() {
        @Override
        public boolean acquire() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    @Test
    void eventsWrittenWhileTheBrokerIsDownArriveWhenItReturns() throws Exception {
        URI broker = URI.create(TestInfrastructure.rabbitmqUrl());
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker);
        try (TcpProxy proxy = new TcpProxy(broker.getHost(), broker.getPort() > 0 ? broker.getPort() : 5672);
             Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("cairn.events", "topic", true);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "cairn.events", "user.created");
            URI throughProxy = URI.create(broker.getScheme() + "://" + broker.getRawUserInfo() + "@127.0.0.1:" + proxy.port());
            EventSink rabbit = new RabbitMqSink(throughProxy, Duration.ofSeconds(2));
            OutboxRelay relay = new OutboxRelay("outage-test", new JdbcOutboxSource(dataSource), List.of(rabbit), LEADER,
                    Duration.ofMillis(50), metrics.counter("outage_test_published"), metrics.counter("outage_test_failures"));

            proxy.cut();
            relay.start();
            UserApi api = new UserApi(target);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                users.add(UserApi.json(UserApi.expect(api.register(
                        dev.cairn.testsupport.TestDatabases.uniqueEmail("outage"), UserApi.PASSWORD, "Outage " + i), 201))
                        .get("id").asText());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> metrics.counter("outage_test_failures").getCount() >= 2);
            assertThat(channel.basicGet(queue, true)).isNull();

            proxy.restore();
            Set<String> delivered = new LinkedHashSet<>();
            try {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    GetResponse message;
                    while ((message = channel.basicGet(queue, true)) != null) {
                        CairnEvent event = new EventCodec().decode(message.getBody());
                        if (users.contains(event.subject())) {
                            delivered.add(event.subject());
                        }
                    }
                    assertThat(delivered).containsExactlyElementsOf(users);
                });
            } finally {
                relay.close();
            }
        }
    }
}
