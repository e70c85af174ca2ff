package dev.cairn.product.service;

import dev.cairn.product.persistence.SearchCapability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Prepares the service before it takes traffic: creates the indexes and probes text search, repairs rating
 * summaries a crash left behind, loads the demo catalog when asked to ({@code cairn.products.seed}), and starts
 * relaying pending events to the brokers.
 */
@ApplicationScoped
public class ProductServiceStartup {

    private final SearchCapability search;
    private final Reviews reviews;
    private final DemoCatalog demoCatalog;
    private final ProductEventRelay relay;
    private final Config config;

    @Inject
    public ProductServiceStartup(SearchCapability search, Reviews reviews, DemoCatalog demoCatalog,
                                 ProductEventRelay relay, Config config) {
        this.search = search;
        this.reviews = reviews;
        this.demoCatalog = demoCatalog;
        this.relay = relay;
        this.config = config;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        search.prepare();
        reviews.repairRatings();
        if (config.getOptionalValue("cairn.products.seed", Boolean.class).orElse(false)) {
            demoCatalog.seedIfEmpty();
        }
        relay.start();
    }
}
