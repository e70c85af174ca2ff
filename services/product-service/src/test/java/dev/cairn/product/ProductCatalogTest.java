package dev.cairn.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.cairn.product.ProductApi.admin;
import static dev.cairn.product.ProductApi.category;
import static dev.cairn.product.ProductApi.customer;
import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Create, read, replace, patch and delete; versions and ETags; SKU conflicts; v1 and v2 shapes; admin only writes. */
@HelidonTest
class ProductCatalogTest {

    @Inject
    WebTarget target;

    @Test
    void adminCreatesReadsUpdatesAndDeletesAProduct() {
        ProductApi api = new ProductApi(target);
        String sku = sku("CRUD");
        Response created = expect(api.post("/api/v1/products", product(sku, "Lamp", category("crud"), "19.90"), admin()), 201);
        JsonNode product = json(created);
        String id = product.get("id").asText();
        assertThat(created.getLocation().getPath()).isEqualTo("/api/v1/products/" + id);
        assertThat(product.get("version").asLong()).isEqualTo(1);
        assertThat(product.get("rating").get("count").asLong()).isZero();

        Response read = expect(api.request("/api/v1/products/" + id, null).get(), 200);
        assertThat(read.getEntityTag().getValue()).isEqualTo("1");
        assertThat(json(read).get("name").asText()).isEqualTo("Lamp");

        Map<String, Object> replacement = product(sku, "Desk Lamp", "lighting", "24.50");
        JsonNode replaced = json(expect(api.request("/api/v1/products/" + id, admin()).header("If-Match", "\"1\"")
                .put(Entity.json(replacement)), 200));
        assertThat(replaced.get("version").asLong()).isEqualTo(2);
        assertThat(replaced.get("price").decimalValue()).isEqualByComparingTo("24.50");

        JsonNode patched = json(expect(api.request("/api/v1/products/" + id, admin())
                .method("PATCH", Entity.json(Map.of("name", "Reading Lamp"))), 200));
        assertThat(patched.get("name").asText()).isEqualTo("Reading Lamp");
        assertThat(patched.get("category").asText()).isEqualTo("lighting");
        assertThat(patched.get("version").asLong()).isEqualTo(3);
        assertThat(json(expect(api.request("/api/v1/products/" + id, null).get(), 200)).get("name").asText())
                .isEqualTo("Reading Lamp");

        expect(api.request("/api/v1/products/" + id, admin()).header("If-Match", "\"3\"").delete(), 204);
        problem(api.request("/api/v1/products/" + id, null).get(), 404);
        // The SKU is free again.
        expect(api.post("/api/v1/products", product(sku, "Lamp again", "lighting", "9.90"), admin()), 201);
    }

    @Test
    void staleVersionIsAPreconditionFailure() {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("STALE"), "Chair", category("stale"), "49.00")).get("id").asText();
        expect(api.request("/api/v1/products/" + id, admin()).method("PATCH", Entity.json(Map.of("name", "Armchair"))), 200);

        JsonNode stale = problem(api.request("/api/v1/products/" + id, admin()).header("If-Match", "\"1\"")
                .method("PATCH", Entity.json(Map.of("name", "Stool"))), 412);
        assertThat(stale.get("detail").asText()).contains("changed since you read it");
        problem(api.request("/api/v1/products/" + id, admin())
                .method("PATCH", Entity.json(Map.of("name", "Stool", "version", 1))), 412);
        problem(api.request("/api/v1/products/" + id, admin()).header("If-Match", "\"1\"").delete(), 412);
        expect(api.request("/api/v1/products/" + id, admin()).header("If-Match", "\"2\"")
                .method("PATCH", Entity.json(Map.of("name", "Stool"))), 200);
    }

    @Test
    void duplicateSkuIsAConflict() {
        ProductApi api = new ProductApi(target);
        String sku = sku("DUP");
        api.create(product(sku, "Mug", category("dup"), "8.00"));
        problem(api.post("/api/v1/products", product(sku, "Other mug", "kitchen", "9.00"), admin()), 409);
        String other = api.create(product(sku("DUP"), "Cup", "kitchen", "7.00")).get("id").asText();
        problem(api.request("/api/v1/products/" + other, admin()).method("PATCH", Entity.json(Map.of("sku", sku))), 409);
    }

    @Test
    void v1AndV2ShowTheSameProductInTheirShapes() {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("VER"), "Kettle", category("versions"), "35.5")).get("id").asText();

        Response v1 = expect(api.request("/api/v1/products/" + id, null).get(), 200);
        JsonNode one = json(v1);
        assertThat(one.get("price").isNumber()).isTrue();
        assertThat(one.get("price").decimalValue()).isEqualByComparingTo("35.50");
        assertThat(one.get("currency").asText()).isEqualTo("EUR");
        assertThat(v1.getHeaderString("Deprecation")).startsWith("@");
        assertThat(v1.getHeaderString("Link")).contains("/api/v2/products/" + id).contains("successor-version");

        Response v2 = expect(api.request("/api/v2/products/" + id, null).get(), 200);
        JsonNode two = json(v2);
        assertThat(two.get("price").get("amount").asText()).isEqualTo("35.50");
        assertThat(two.get("price").get("currency").asText()).isEqualTo("EUR");
        assertThat(two.has("currency")).isFalse();
        assertThat(v2.getHeaderString("Deprecation")).isNull();
        assertThat(two.get("id").asText()).isEqualTo(id);

        JsonNode list = json(expect(api.request("/api/v2/products?category=" + one.get("category").asText(), null).get(), 200));
        assertThat(list.get("items").get(0).get("price").get("amount").asText()).isEqualTo("35.50");
        assertThat(list.has("nextCursor")).isTrue();
    }

    @Test
    void onlyAdminsWrite() {
        ProductApi api = new ProductApi(target);
        Map<String, Object> body = product(sku("RBAC"), "Pen", category("rbac"), "2.00");
        problem(api.post("/api/v1/products", body, null), 401);
        problem(api.post("/api/v1/products", body, customer()), 403);
        String id = api.create(body).get("id").asText();
        problem(api.request("/api/v1/products/" + id, customer()).method("PATCH", Entity.json(Map.of("name", "x"))), 403);
        problem(api.request("/api/v1/products/" + id, customer()).delete(), 403);
        problem(api.request("/api/v1/products/" + id, null).delete(), 401);
    }

    @Test
    void invalidProductsAreRejectedWithTheFieldsNamed() {
        ProductApi api = new ProductApi(target);
        Map<String, Object> body = product("bad sku!", "", "Not A Category", "-1");
        body.put("currency", "euro");
        JsonNode problem = problem(api.post("/api/v1/products", body, admin()), 400);
        assertThat(problem.get("errors")).extracting(error -> error.get("field").asText())
                .contains("sku", "name", "category", "price", "currency");
    }

    @Test
    void operatorInjectionInBodiesIsRejected() {
        ProductApi api = new ProductApi(target);
        String body = "{\"sku\":\"INJ-1\",\"name\":{\"$gt\":\"\"},\"category\":\"x\",\"price\":1,\"currency\":\"EUR\"}";
        JsonNode problem = problem(api.request("/api/v1/products", admin())
                .post(Entity.entity(body, "application/json")), 400);
        assertThat(problem.toString()).contains("name");
        problem(api.request("/api/v1/products", admin()).post(Entity.entity(
                "{\"sku\":\"INJ-2\",\"name\":\"n\",\"category\":\"x\",\"price\":{\"$gt\":0},\"currency\":\"EUR\"}",
                "application/json")), 400);
        problem(api.request("/api/v1/products", admin()).post(Entity.entity(
                "{\"sku\":\"INJ-3\",\"name\":\"n\",\"category\":\"x\",\"price\":1,\"currency\":\"EUR\",\"$where\":\"1\"}",
                "application/json")), 400);
    }

    @Test
    void unknownProductsAreNotFound() {
        ProductApi api = new ProductApi(target);
        problem(api.request("/api/v1/products/no-such-product", null).get(), 404);
        problem(api.request("/api/v2/products/no-such-product", null).get(), 404);
        problem(api.request("/api/v1/products/no-such-product", admin()).method("PATCH", Entity.json(Map.of("name", "x"))), 404);
        problem(api.request("/api/v1/products/no-such-product", admin()).delete(), 404);
    }

    @Test
    void listFiltersByCategoryTagAndPrice() {
        ProductApi api = new ProductApi(target);
        String category = category("filters");
        Map<String, Object> cheap = product(sku("F"), "Cheap", category, "5.00");
        Map<String, Object> mid = product(sku("F"), "Middle", category, "15.00");
        mid.put("tags", List.of("special"));
        Map<String, Object> dear = product(sku("F"), "Dear", category, "50.00");
        List.of(cheap, mid, dear).forEach(api::create);

        assertThat(names(api, "/api/v1/products?category=" + category)).containsExactlyInAnyOrder("Cheap", "Middle", "Dear");
        assertThat(names(api, "/api/v1/products?category=" + category + "&tag=special")).containsExactly("Middle");
        assertThat(names(api, "/api/v1/products?category=" + category + "&minPrice=10&maxPrice=20")).containsExactly("Middle");
        assertThat(names(api, "/api/v1/products?category=" + category + "&minPrice=15.00")).containsExactlyInAnyOrder("Middle", "Dear");
        problem(api.request("/api/v1/products?minPrice=abc", null).get(), 400);
        problem(api.request("/api/v1/products?minPrice=20&maxPrice=10", null).get(), 400);
        problem(api.request("/api/v1/products?sort=name", null).get(), 400);
    }

    @Test
    void everySortOrdersTheList() {
        ProductApi api = new ProductApi(target);
        String category = category("sorts");
        api.create(product(sku("S"), "B", category, "20.00"));
        api.create(product(sku("S"), "A", category, "10.00"));
        api.create(product(sku("S"), "C", category, "30.00"));
        String base = "/api/v1/products?category=" + category + "&sort=";
        assertThat(names(api, base + "price")).containsExactly("A", "B", "C");
        assertThat(names(api, base + "-price")).containsExactly("C", "B", "A");
        assertThat(field(api, base + "-createdAt", "createdAt")).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(field(api, base + "createdAt", "createdAt")).hasSize(3).isSorted();
        assertThat(names(api, base + "rating")).hasSize(3);
        assertThat(names(api, base + "-rating")).hasSize(3);
        assertThat(names(api, base + "relevance")).hasSize(3);
    }

    static List<String> names(ProductApi api, String path) {
        return field(api, path, "name");
    }

    /** The field of every item of the page at {@code path}, in order (times compare as ISO-8601 text). */
    static List<String> field(ProductApi api, String path, String field) {
        JsonNode page = json(expect(api.request(path, null).get(), 200));
        List<String> values = new java.util.ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(field).asText()));
        return values;
    }
}
