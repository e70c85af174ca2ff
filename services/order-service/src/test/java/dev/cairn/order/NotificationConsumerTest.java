package dev.cairn.order;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import dev.cairn.testsupport.ProductCatalogStub;
import dev.cairn.testsupport.TestInfrastructure;
import dev.cairn.testsupport.TestTokens;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static dev.cairn.order.OrderApi.order;
import static dev.cairn.testsupport.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** user.created and order.shipped each produce one notification to the user's address, however often delivered. */
@HelidonTest
class NotificationConsumerTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("orders")
    DataSource dataSource;

    @Test
    void welcomesNewUsersAndTellsThemWhenTheirOrderShips() throws Exception {
        String userId = UUID.randomUUID().toString();
        String email = "notified-" + userId + "@test.cairn.dev";
        CairnEvent created = CairnEvent.create(EventType.USER_CREATED, "user-service", userId, 1,
                Json.mapper().createObjectNode().put("id", userId).put("email", email).put("name", "Notified"), null);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            for (int i = 0; i < 2; i++) {
                channel.basicPublish("cairn.events", "user.created", new AMQP.BasicProperties.Builder()
                        .contentType("application/cloudevents+json").messageId(created.id()).build(),
                        new EventCodec().encode(created));
            }
        }
        OrderDatabase db = new OrderDatabase(dataSource);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(db.count(
                "select count(*) from notifications_sent where recipient = ? and subject = 'Welcome to Cairn'", email))
                .isEqualTo(1));

        OrderApi api = new OrderApi(target);
        String product = ProductCatalogStub.shared().add("Shipped", "1.00", "EUR");
        api.stock(product, 1);
        OrderApi.Customer customer = new OrderApi.Customer(userId,
                TestTokens.shared().accessToken(userId, email, "customer"));
        String orderId = api.placed(customer, order(product, 1, "tok_ok"));
        api.awaitStatus(customer, orderId, "CONFIRMED");
        expect(api.request("/api/v1/orders/" + orderId + "/ship", OrderApi.admin()).post(Entity.json("{}")), 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(db.count(
                "select count(*) from notifications_sent where recipient = ? and subject = 'Your order has shipped'", email))
                .isEqualTo(1));
    }
}
