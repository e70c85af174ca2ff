package dev.cairn.user;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import dev.cairn.testsupport.TestInfrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code order.created} counts on the customer's profile, once however often it is delivered. */
@HelidonTest
class OrderEventsConsumerTest {

    @Inject
    WebTarget target;

    @Test
    void ordersPlacedCountsEachOrderOnce() throws Exception {
        UserApi api = new UserApi(target);
        UserApi.Session user = api.newCustomer("counted");
        assertThat(json(expect(api.as("/api/v1/users/me", user.accessToken()).get(), 200)).get("ordersPlaced").asInt()).isZero();

        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (int order = 0; order < 2; order++) {
                String orderId = UUID.randomUUID().toString();
                CairnEvent created = CairnEvent.create(EventType.ORDER_CREATED, "order-service", orderId, 1,
                        Json.mapper().createObjectNode().put("orderId", orderId).put("userId", user.id()), null);
                for (int delivery = 0; delivery < 3; delivery++) {
                    channel.basicPublish("cairn.events", "order.created", new AMQP.BasicProperties.Builder()
                            .contentType("application/cloudevents+json").messageId(created.id()).build(),
                            new EventCodec().encode(created));
                }
            }
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(expect(
                api.as("/api/v1/users/me", user.accessToken()).get(), 200)).get("ordersPlaced").asInt()).isEqualTo(2));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(json(expect(
                api.as("/api/v1/users/me", user.accessToken()).get(), 200)).get("ordersPlaced").asInt()).isEqualTo(2));
    }
}
