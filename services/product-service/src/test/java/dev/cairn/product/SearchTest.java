package dev.cairn.product;

import dev.cairn.product.service.Catalog;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.product.ProductCatalogTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ?q=} finds products by words of their name, description or tags, through MongoDB's text index where the
 * server has one and through the escaped substring fallback otherwise (this class runs against whichever the
 * configured MongoDB offers); regex and operator syntax in the query is taken literally.
 */
@HelidonTest
class SearchTest {

    @Inject
    WebTarget target;
    @Inject
    Catalog catalog;

    private String search(ProductApi api, String category, String q) {
        return "/api/v1/products?category=" + category + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Test
    void findsProductsByNameDescriptionAndTag() {
        ProductApi api = new ProductApi(target);
        String category = ProductApi.category("search");
        Map<String, Object> kettle = product(sku("Q"), "Copper Kettle", category, "30.00");
        kettle.put("description", "Whistles when the water boils");
        Map<String, Object> teapot = product(sku("Q"), "Porcelain Teapot", category, "25.00");
        teapot.put("tags", List.of("ceramic"));
        Map<String, Object> spoon = product(sku("Q"), "Wooden Spoon", category, "3.00");
        List.of(kettle, teapot, spoon).forEach(api::create);

        assertThat(names(api, search(api, category, "kettle"))).containsExactly("Copper Kettle");
        assertThat(names(api, search(api, category, "water"))).containsExactly("Copper Kettle");
        assertThat(names(api, search(api, category, "ceramic"))).containsExactly("Porcelain Teapot");
        assertThat(names(api, search(api, category, "spoon"))).containsExactly("Wooden Spoon");
        assertThat(names(api, search(api, category, "anvil"))).isEmpty();
    }

    @Test
    void regexAndOperatorSyntaxIsTakenLiterally() {
        ProductApi api = new ProductApi(target);
        String category = ProductApi.category("literal");
        api.create(product(sku("L"), "Plain Widget", category, "1.00"));
        api.create(product(sku("L"), "Widget (deluxe)", category, "2.00"));
        for (String q : List.of(".*", "(", "$where", "[a-z]+", "^P", "\\", "{\"$gt\": \"\"}", "a|b")) {
            assertThat(names(api, search(api, category, q))).as(q).allSatisfy(name -> assertThat(name).contains(q));
        }
        if (!catalog.textSearchSupported()) {
            // The fallback matches substrings: a literal "(" finds exactly the product that has one.
            assertThat(names(api, search(api, category, "("))).containsExactly("Widget (deluxe)");
        }
    }
}
