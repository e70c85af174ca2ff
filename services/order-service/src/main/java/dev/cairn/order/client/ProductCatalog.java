package dev.cairn.order.client;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.order.persistence.PriceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.util.Optional;

/**
 * Where new orders get their prices: the price cache the product events keep ({@link PriceStore}), and the product
 * service ({@link ProductPrices}) for a product no event told of yet. Lookups are counted in
 * {@code cairn_order_price_lookups_total{source=cache|product-service}}.
 */
@ApplicationScoped
public class ProductCatalog {

    private final PriceStore cache;
    private final ProductPrices productService;
    private final MetricRegistry metrics;

    @Inject
    public ProductCatalog(PriceStore cache, ProductPrices productService,
                          @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.cache = cache;
        this.productService = productService;
        this.metrics = metrics;
    }

    /**
     * The product with its current price, or empty when the catalog does not have it.
     *
     * @throws RuntimeException when the product is not cached and the product service cannot answer now
     */
    public Optional<ProductSnapshot> find(String productId) {
        Optional<ProductSnapshot> cached = cache.find(productId);
        if (cached.isPresent()) {
            count("cache");
            return cached;
        }
        count("product-service");
        return productService.find(productId);
    }

    private void count(String source) {
        Meters.counter(metrics, "cairn_order_price_lookups_total", new Tag("source", source)).inc();
    }
}
