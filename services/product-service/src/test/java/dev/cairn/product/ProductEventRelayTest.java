package dev.cairn.product;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.product.persistence.Publishers;
import dev.cairn.testsupport.TestInfrastructure;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cairn.product.ProductApi.admin;
import static dev.cairn.product.ProductApi.customer;
import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.testsupport.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events kept in product and review documents reach {@code cairn.events} in order and leave their document. */
@HelidonTest
class ProductEventRelayTest {

    @Inject
    WebTarget target;
    @Inject
    MongoDatabase database;

    @Test
    void productAndReviewEventsArePublishedAndRemovedFromTheirDocuments() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("cairn.events", "topic", true);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, "cairn.events", "product.*");
            channel.queueBind(queue, "cairn.events", "review.created");

            ProductApi api = new ProductApi(target);
            String id = api.create(product(sku("EV"), "Evented", ProductApi.category("events"), "2.00")).get("id").asText();
            expect(api.request("/api/v1/products/" + id, admin()).method("PATCH", Entity.json(Map.of("name", "Evented twice"))), 200);
            String reviewId = ProductApi.json(expect(api.post("/api/v1/products/" + id + "/reviews", Map.of("rating", 4),
                    customer()), 201)).get("id").asText();

            List<CairnEvent> ofProduct = new ArrayList<>();
            List<CairnEvent> ofReview = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                GetResponse message;
                while ((message = channel.basicGet(queue, true)) != null) {
                    CairnEvent event = new EventCodec().decode(message.getBody());
                    if (event.subject().equals(id)) {
                        ofProduct.add(event);
                    } else if (event.subject().equals(reviewId)) {
                        ofReview.add(event);
                    }
                }
                assertThat(ofProduct).extracting(CairnEvent::type).containsExactly("product.created", "product.updated");
                assertThat(ofReview).extracting(CairnEvent::type).containsExactly("review.created");
            });
            assertThat(ofProduct).extracting(CairnEvent::sequence).containsExactly(1L, 2L);
            assertThat(ofReview.getFirst().data().get("productId").asText()).isEqualTo(id);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Document stored = Publishers.await(Publishers.first(database.getCollection("products")
                        .find(Filters.eq("_id", id)))).orElseThrow();
                assertThat(stored.getList("outbox", Document.class)).isEmpty();
            });
        }
    }
}
