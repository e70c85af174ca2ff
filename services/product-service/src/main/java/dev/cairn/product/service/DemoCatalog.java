package dev.cairn.product.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.commons.json.Json;
import dev.cairn.product.domain.ProductDraft;
import dev.cairn.product.persistence.ProductStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

import static dev.cairn.product.persistence.Publishers.await;

/**
 * Loads the demo catalog ({@code seed/demo-catalog.json}, 50 products in 6 categories) into an empty catalog when
 * {@code cairn.products.seed=true}, which {@code ./cairn up} sets. An existing catalog is never touched.
 */
@ApplicationScoped
public class DemoCatalog {

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());
    private static final String RESOURCE = "/seed/demo-catalog.json";

    private final ProductStore store;
    private final Catalog catalog;

    @Inject
    public DemoCatalog(ProductStore store, Catalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Seeds the catalog if it is empty; returns how many products were added. */
    public int seedIfEmpty() {
        if (!await(store.isEmpty())) {
            return 0;
        }
        List<ProductDraft> drafts = drafts();
        drafts.forEach(catalog::create);
        LOG.info(() -> "Loaded the demo catalog: " + drafts.size() + " products");
        return drafts.size();
    }

    static List<ProductDraft> drafts() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the product service jar");
            }
            return Json.mapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
