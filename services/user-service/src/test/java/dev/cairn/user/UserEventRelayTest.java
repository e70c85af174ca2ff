package dev.cairn.user;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.testsupport.TestInfrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.WebTarget;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox relay publishes user events to RabbitMQ ({@code cairn.events}) and Kafka ({@code cairn.analytics}). */
@HelidonTest
class UserEventRelayTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("users")
    DataSource dataSource;

    @Test
    void registrationReachesRabbitMqAndKafkaOnce() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel();
             KafkaConsumer<String, String> kafka = kafkaConsumer()) {
            channel.exchangeDeclare("cairn.events", "topic", true);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "cairn.events", "user.#");
            kafka.subscribe(List.of("cairn.analytics"));

            UserApi.Session user = new UserApi(target).newCustomer("relayed");

            List<CairnEvent> fromRabbit = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                GetResponse message;
                while ((message = channel.basicGet(queue, true)) != null) {
                    CairnEvent event = new EventCodec().decode(message.getBody());
                    assertThat(message.getEnvelope().getRoutingKey()).isEqualTo(event.type());
                    if (event.subject().equals(user.id())) {
                        fromRabbit.add(event);
                    }
                }
                assertThat(fromRabbit).extracting(CairnEvent::type).containsExactly("user.created");
            });
            assertThat(fromRabbit.getFirst().source().toString()).isEqualTo("/cairn/user-service");

            List<ConsumerRecord<String, String>> fromKafka = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                kafka.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (user.id().equals(record.key())) {
                        fromKafka.add(record);
                    }
                });
                assertThat(fromKafka).hasSize(1);
            });
            assertThat(new EventCodec().decode(fromKafka.getFirst().value().getBytes()).id())
                    .isEqualTo(fromRabbit.getFirst().id());

            try (var connectionToDb = dataSource.getConnection(); var statement = connectionToDb.prepareStatement(
                    "select count(*) from cairn_outbox where aggregate_id = ? and published_at is null")) {
                statement.setString(1, user.id());
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    assertThat(rows.getLong(1)).isZero();
                }
            }
        }
    }

    private static KafkaConsumer<String, String> kafkaConsumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "user-relay-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}
