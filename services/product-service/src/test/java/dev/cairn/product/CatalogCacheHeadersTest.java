package dev.cairn.product;

import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.testsupport.ApiClient.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** Anonymous catalog reads may be shared for a few seconds (the gateway caches them); others may not. */
@HelidonTest
class CatalogCacheHeadersTest {

    @Inject
    WebTarget target;

    @Test
    void anonymousReadsArePublicForAFewSecondsAndTheRestIsNot() {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("CC"), "Cached", ProductApi.category("cache"), "2.00")).get("id").asText();
        assertThat(expect(api.request("/api/v2/products/" + id, null).get(), 200).getHeaderString("Cache-Control"))
                .isEqualTo("public, max-age=5");
        assertThat(expect(api.request("/api/v1/products?limit=5", null).get(), 200).getHeaderString("Cache-Control"))
                .isEqualTo("public, max-age=5");
        assertThat(expect(api.request("/api/v2/products/" + id, ProductApi.customer()).get(), 200)
                .getHeaderString("Cache-Control")).isEqualTo("private, no-cache");
        assertThat(api.request("/api/v2/products/no-such-product", null).get().getHeaderString("Cache-Control"))
                .as("errors are not marked shareable").isNull();
    }
}
