package dev.cairn.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.product.domain.ProductDraft;
import dev.cairn.product.service.Catalog;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Cursor paging over 250 products in every sort order: each product exactly once, in order, stable under inserts. */
@HelidonTest
class PagingTest {

    private static final int PRODUCTS = 250;
    private static final String CATEGORY = ProductApi.category("paging");

    @Inject
    WebTarget target;
    @Inject
    Catalog catalog;

    /** How many products the category holds (the tests of this class share them). */
    private static int inCategory;

    private void createCatalogOnce() {
        if (inCategory > 0) {
            return;
        }
        for (int i = 0; i < PRODUCTS; i++) {
            // Few distinct prices, so many ties: the id must break them.
            catalog.create(new ProductDraft(ProductApi.sku("PG"), "Paged " + i, "", CATEGORY, List.of("paging"),
                    BigDecimal.valueOf(5 + (i % 7)), "EUR"));
        }
        inCategory = PRODUCTS;
    }

    @ParameterizedTest
    @ValueSource(strings = {"price", "-price", "rating", "-rating", "createdAt", "-createdAt"})
    void everyProductAppearsExactlyOnceAcrossPages(String sort) {
        createCatalogOnce();
        List<JsonNode> seen = walk("/api/v2/products?category=" + CATEGORY + "&sort=" + URLEncoder.encode(sort, StandardCharsets.UTF_8)
                + "&limit=17", null);
        Set<String> ids = new HashSet<>();
        seen.forEach(product -> ids.add(product.get("id").asText()));
        assertThat(seen).hasSize(inCategory);
        assertThat(ids).hasSize(inCategory);
        if (sort.endsWith("price")) {
            List<BigDecimal> prices = seen.stream().map(p -> new BigDecimal(p.get("price").get("amount").asText())).toList();
            assertThat(prices).isSortedAccordingTo(sort.startsWith("-") ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
        }
    }

    @Test
    void insertsDoNotShiftLaterPages() {
        createCatalogOnce();
        String first = "/api/v2/products?category=" + CATEGORY + "&sort=price&limit=50";
        JsonNode page = json(expect(new ProductApi(target).request(first, null).get(), 200));
        int before = inCategory;
        // Products inserted before the cursor position must not make the next page repeat or skip anything.
        for (int i = 0; i < 5; i++) {
            catalog.create(new ProductDraft(ProductApi.sku("PG-LATE"), "Late " + i, "", CATEGORY, List.of(),
                    BigDecimal.ONE, "EUR"));
            inCategory++;
        }
        List<JsonNode> rest = walk(first + "&cursor=" + page.get("nextCursor").asText(), null);
        Set<String> ids = new HashSet<>();
        page.get("items").forEach(p -> ids.add(p.get("id").asText()));
        rest.forEach(p -> assertThat(ids.add(p.get("id").asText())).as("no duplicates").isTrue());
        assertThat(ids).hasSize(before);
    }

    @Test
    void aCursorOnlyWorksWithItsOwnSort() {
        createCatalogOnce();
        ProductApi api = new ProductApi(target);
        String cursor = json(expect(api.request("/api/v2/products?category=" + CATEGORY + "&sort=price&limit=5", null).get(), 200))
                .get("nextCursor").asText();
        problem(api.request("/api/v2/products?category=" + CATEGORY + "&sort=-price&cursor=" + cursor, null).get(), 400);
        problem(api.request("/api/v2/products?cursor=garbage", null).get(), 400);
        problem(api.request("/api/v2/products?limit=101", null).get(), 400);
    }

    private List<JsonNode> walk(String firstPage, String token) {
        ProductApi api = new ProductApi(target);
        List<JsonNode> all = new ArrayList<>();
        String path = firstPage;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = json(expect(api.request(path, token).get(), 200));
            page.get("items").forEach(all::add);
            if (page.get("nextCursor").isNull()) {
                return all;
            }
            String base = firstPage.replaceAll("&cursor=[^&]*", "");
            path = base + "&cursor=" + page.get("nextCursor").asText();
        }
        throw new AssertionError("more than 100 pages");
    }
}
