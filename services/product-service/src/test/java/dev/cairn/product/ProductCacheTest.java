package dev.cairn.product;

import dev.cairn.product.cache.ProductCache;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.cairn.product.ProductApi.admin;
import static dev.cairn.product.ProductApi.product;
import static dev.cairn.product.ProductApi.sku;
import static dev.cairn.testsupport.ApiClient.expect;
import static dev.cairn.testsupport.ApiClient.json;
import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads go through L1 (Caffeine) and L2 (Redis); writes invalidate; a cold key under load reaches MongoDB once.
 * MongoDB reads of products are counted by the store ({@code cairn_product_queries_total}); the outbox relay, which
 * polls the collection too, is off in this class.
 */
@HelidonTest
@AddConfig(key = "cairn.relay.enabled", value = "false")
class ProductCacheTest {

    @Inject
    WebTarget target;
    @Inject
    ProductCache cache;
    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry metrics;

    private long requests(String cache, String layer, String result) {
        var counter = metrics.getCounters().get(new MetricID("cairn_cache_requests", new Tag("cache", cache),
                new Tag("layer", layer), new Tag("result", result)));
        return counter == null ? 0 : counter.getCount();
    }

    private long mongoFinds() {
        var queries = metrics.getCounters().get(new MetricID("cairn_product_queries_total"));
        return queries == null ? 0 : queries.getCount();
    }

    @Test
    void secondReadIsServedFromTheInProcessCache() {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("C"), "Cached", ProductApi.category("cache"), "1.00")).get("id").asText();
        expect(api.request("/api/v1/products/" + id, null).get(), 200);
        long hits = requests("product", "l1", "hit");
        long finds = mongoFinds();
        expect(api.request("/api/v1/products/" + id, null).get(), 200);
        assertThat(requests("product", "l1", "hit")).isEqualTo(hits + 1);
        assertThat(mongoFinds()).isEqualTo(finds);
    }

    @Test
    void redisServesWhatThisInstanceForgot() {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("C"), "Shared", ProductApi.category("cache"), "1.00")).get("id").asText();
        expect(api.request("/api/v1/products/" + id, null).get(), 200);
        cache.dropEverythingLocal();
        long l2Hits = requests("product", "l2", "hit");
        long finds = mongoFinds();
        expect(api.request("/api/v1/products/" + id, null).get(), 200);
        assertThat(requests("product", "l2", "hit")).isEqualTo(l2Hits + 1);
        assertThat(mongoFinds()).isEqualTo(finds);
    }

    @Test
    void anUpdateIsVisibleOnTheNextRead() {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("C"), "Before", ProductApi.category("cache"), "1.00")).get("id").asText();
        expect(api.request("/api/v1/products/" + id, null).get(), 200);
        expect(api.request("/api/v1/products/" + id, admin()).method("PATCH", Entity.json(Map.of("name", "After"))), 200);
        assertThat(json(expect(api.request("/api/v1/products/" + id, null).get(), 200)).get("name").asText()).isEqualTo("After");
        assertThat(json(expect(api.request("/api/v2/products/" + id, null).get(), 200)).get("name").asText()).isEqualTo("After");
    }

    @Test
    void missingProductsAreCachedToo() {
        ProductApi api = new ProductApi(target);
        String id = "missing-" + sku("M");
        problem(api.request("/api/v1/products/" + id, null).get(), 404);
        long finds = mongoFinds();
        problem(api.request("/api/v1/products/" + id, null).get(), 404);
        cache.dropEverythingLocal();
        problem(api.request("/api/v1/products/" + id, null).get(), 404);
        assertThat(mongoFinds()).isEqualTo(finds);
    }

    @Test
    void hundredConcurrentReadsOfAColdKeyReachMongoOnce() throws Exception {
        ProductApi api = new ProductApi(target);
        String id = api.create(product(sku("C"), "Hot", ProductApi.category("cache"), "1.00")).get("id").asText();
        cache.invalidate(id);
        long finds = mongoFinds();
        List<Callable<Integer>> reads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            reads.add(() -> api.request("/api/v1/products/" + id, null).get().getStatus());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(100)) {
            for (Future<Integer> status : pool.invokeAll(reads)) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        assertThat(mongoFinds() - finds).isEqualTo(1);
    }

    @Test
    void firstPagesOfListsAreCachedAndInvalidatedByWrites() {
        ProductApi api = new ProductApi(target);
        String category = ProductApi.category("listcache");
        api.create(product(sku("LC"), "One", category, "1.00"));
        String path = "/api/v1/products?category=" + category;
        assertThat(ProductCatalogTest.names(api, path)).containsExactly("One");
        long hits = requests("list", "l1", "hit");
        assertThat(ProductCatalogTest.names(api, path)).containsExactly("One");
        assertThat(requests("list", "l1", "hit")).isEqualTo(hits + 1);
        api.create(product(sku("LC"), "Two", category, "2.00"));
        assertThat(ProductCatalogTest.names(api, path)).containsExactlyInAnyOrder("One", "Two");
    }
}
