package dev.cairn.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.cairn.product.persistence.Publishers;
import dev.cairn.product.service.Reviews;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.cairn.product.ProductApi.customer;
import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** One review per customer and product, sanitized text, and an exact rating summary under concurrency. */
@HelidonTest
class ReviewsTest {

    @Inject
    WebTarget target;
    @Inject
    Reviews service;
    @Inject
    MongoDatabase database;

    private String newProduct(ProductApi api, String category) {
        return api.create(product(sku("R"), "Reviewed", category, "10.00")).get("id").asText();
    }

    private static String reviews(String productId) {
        return "/api/v1/products/" + productId + "/reviews";
    }

    @Test
    void aCustomerReviewsOnceAndTheProductCountsIt() {
        ProductApi api = new ProductApi(target);
        String id = newProduct(api, ProductApi.category("review"));
        String token = customer();
        JsonNode review = json(expect(api.post(reviews(id), Map.of("rating", 4, "text", "Solid."), token), 201));
        assertThat(review.get("rating").asInt()).isEqualTo(4);
        assertThat(review.get("productId").asText()).isEqualTo(id);

        JsonNode duplicate = problem(api.post(reviews(id), Map.of("rating", 5, "text", "Again"), token), 409);
        assertThat(duplicate.get("detail").asText()).contains("already reviewed");

        JsonNode product = json(expect(api.request("/api/v1/products/" + id, null).get(), 200));
        assertThat(product.get("rating").get("count").asLong()).isEqualTo(1);
        assertThat(product.get("rating").get("average").decimalValue()).isEqualByComparingTo("4.00");
        JsonNode page = json(expect(api.request(reviews(id), null).get(), 200));
        assertThat(page.get("items")).hasSize(1);
    }

    @Test
    void markupIsRemovedFromReviewText() {
        ProductApi api = new ProductApi(target);
        String id = newProduct(api, ProductApi.category("review"));
        JsonNode review = json(expect(api.post(reviews(id),
                Map.of("rating", 5, "text", "<script>alert('x')</script>Great <b>pan</b>, 5 &lt; 6 <img src=x onerror=alert(1)>"),
                customer()), 201));
        assertThat(review.get("text").asText()).isEqualTo("Great pan, 5 < 6");
    }

    @Test
    void invalidReviewsAreRejected() {
        ProductApi api = new ProductApi(target);
        String id = newProduct(api, ProductApi.category("review"));
        problem(api.post(reviews(id), Map.of("rating", 0), customer()), 400);
        problem(api.post(reviews(id), Map.of("rating", 6), customer()), 400);
        problem(api.post(reviews(id), Map.of("text", "no rating"), customer()), 400);
        problem(api.post(reviews(id), Map.of("rating", 3), null), 401);
        problem(api.post(reviews("no-such-product"), Map.of("rating", 3), customer()), 404);
        problem(api.request(reviews("no-such-product"), null).get(), 404);
    }

    @Test
    void fiftyConcurrentReviewsGiveTheExactCountAndAverage() throws Exception {
        ProductApi api = new ProductApi(target);
        String id = newProduct(api, ProductApi.category("concurrent"));
        List<Callable<Integer>> writes = new ArrayList<>();
        int sum = 0;
        for (int i = 0; i < 50; i++) {
            int rating = i % 5 + 1;
            sum += rating;
            String token = customer();
            writes.add(() -> api.post(reviews(id), Map.of("rating", rating), token).getStatus());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Future<Integer> status : pool.invokeAll(writes)) {
                assertThat(status.get()).isEqualTo(201);
            }
        }
        JsonNode rating = json(expect(api.request("/api/v2/products/" + id, null).get(), 200)).get("rating");
        assertThat(rating.get("count").asLong()).isEqualTo(50);
        assertThat(rating.get("average").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(50), 2, RoundingMode.HALF_UP));
    }

    @Test
    void aReviewWhoseRatingWasNeverCountedIsRepairedAtStartup() {
        ProductApi api = new ProductApi(target);
        String id = newProduct(api, ProductApi.category("repair"));
        expect(api.post(reviews(id), Map.of("rating", 2), customer()), 201);
        // As if the process had died between storing this review and counting it.
        Document orphan = new Document("_id", UUID.randomUUID().toString()).append("productId", id)
                .append("userId", UUID.randomUUID().toString()).append("author", "crashed@test.cairn.dev")
                .append("rating", 5).append("text", "").append("ratingApplied", false)
                .append("createdAt", Date.from(Instant.now().minus(Duration.ofMinutes(5))));
        Publishers.await(Publishers.first(database.getCollection("reviews").insertOne(orphan)));

        service.repairRatings();

        JsonNode rating = json(expect(api.request("/api/v2/products/" + id, null).get(), 200)).get("rating");
        assertThat(rating.get("count").asLong()).isEqualTo(2);
        assertThat(rating.get("average").decimalValue()).isEqualByComparingTo("3.50");
    }

    @Test
    void ratingSortsProducts() {
        ProductApi api = new ProductApi(target);
        String category = ProductApi.category("bestrated");
        String good = api.create(product(sku("R"), "Good", category, "1.00")).get("id").asText();
        String poor = api.create(product(sku("R"), "Poor", category, "1.00")).get("id").asText();
        api.create(product(sku("R"), "Unrated", category, "1.00"));
        expect(api.post(reviews(good), Map.of("rating", 5), customer()), 201);
        expect(api.post(reviews(poor), Map.of("rating", 2), customer()), 201);
        String base = "/api/v1/products?category=" + category + "&sort=";
        assertThat(ProductCatalogTest.names(api, base + "-rating")).containsExactly("Good", "Poor", "Unrated");
        assertThat(ProductCatalogTest.names(api, base + "rating")).containsExactly("Unrated", "Poor", "Good");
    }
}
