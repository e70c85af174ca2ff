package dev.cairn.order;

import dev.cairn.testsupport.ProductCatalogStub;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/** Points the order service under test at {@link ProductCatalogStub} ({@code cairn.products.url}). */
public class ProductStubConfigSource implements ConfigSource {

    private static final String KEY = "cairn.products.url";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? ProductCatalogStub.shared().url() : null;
    }

    @Override
    public String getName() {
        return "order-service-test-product-stub";
    }

    @Override
    public int getOrdinal() {
        return 450;
    }
}
