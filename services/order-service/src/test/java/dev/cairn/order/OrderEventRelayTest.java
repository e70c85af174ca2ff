package dev.cairn.order;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.testsupport.ProductCatalogStub;
import dev.cairn.testsupport.TestInfrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.cairn.order.OrderApi.customer;
import static dev.cairn.order.OrderApi.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store is relayed to {@code cairn.events} as CloudEvents, each order's events once and in sequence. */
@HelidonTest
class OrderEventRelayTest {

    @Inject
    WebTarget target;

    @Test
    void anOrdersEventsArePublishedInSequence() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("cairn.events", "topic", true);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "cairn.events", "order.#");
            channel.queueBind(queue, "cairn.events", "inventory.updated");

            OrderApi api = new OrderApi(target);
            String product = ProductCatalogStub.shared().add("Relayed", "6.00", "EUR");
            api.stock(product, 2);
            OrderApi.Customer customer = customer();
            String id = api.placed(customer, order(product, 1, "tok_ok"));
            api.awaitStatus(customer, id, "CONFIRMED");

            List<CairnEvent> ofOrder = new ArrayList<>();
            List<CairnEvent> ofStock = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                GetResponse message;
                while ((message = channel.basicGet(queue, true)) != null) {
                    CairnEvent event = new EventCodec().decode(message.getBody());
                    if (event.subject().equals(id)) {
                        ofOrder.add(event);
                    } else if (event.subject().equals(product)) {
                        ofStock.add(event);
                    }
                }
                assertThat(ofOrder).extracting(CairnEvent::type).containsExactly("order.created", "order.paid");
            });
            assertThat(ofOrder).extracting(CairnEvent::sequence).containsExactly(1L, 2L);
            assertThat(ofOrder.get(1).data().get("total").decimalValue()).isEqualByComparingTo("6.00");
            assertThat(ofOrder).allSatisfy(event -> assertThat(event.source().toString()).isEqualTo("/cairn/order-service"));
            assertThat(ofStock).extracting(CairnEvent::type).containsExactly("inventory.updated");
        }
    }
}
