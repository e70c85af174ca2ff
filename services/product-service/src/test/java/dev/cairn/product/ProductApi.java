package dev.cairn.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.ApiClient;
import dev.cairn.testsupport.TestTokens;
import jakarta.ws.rs.client.WebTarget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The product service's API as tests call it, with tokens the service trusts ({@link TestTokens#shared()}). */
public final class ProductApi extends ApiClient {

    public ProductApi(WebTarget target) {
        super(target);
    }

    /** An admin's access token. */
    public static String admin() {
        return TestTokens.shared().accessToken(UUID.randomUUID().toString(), "admin@test.cairn.dev", "admin", "customer");
    }

    /** A new customer's access token. */
    public static String customer() {
        String id = UUID.randomUUID().toString();
        return TestTokens.shared().accessToken(id, "customer-" + id + "@test.cairn.dev", "customer");
    }

    /** A valid product body (v1 shape). */
    public static Map<String, Object> product(String sku, String name, String category, String price) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", name);
        body.put("description", "About " + name);
        body.put("category", category);
        body.put("tags", List.of("test"));
        body.put("price", new java.math.BigDecimal(price));
        body.put("currency", "EUR");
        return body;
    }

    /** Creates the product as an admin and returns it (v1 shape). */
    public JsonNode create(Map<String, Object> body) {
        return json(expect(post("/api/v1/products", body, admin()), 201));
    }

    /** A unique SKU. */
    public static String sku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A unique category, to keep a test's products apart from every other test's. */
    public static String category(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
