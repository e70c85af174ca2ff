package dev.cairn.order.inventory;

import dev.cairn.commons.json.Json;
import dev.cairn.order.persistence.EventStore;
import dev.cairn.order.persistence.InventoryStore;
import dev.cairn.order.persistence.InventoryStore.StockLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Stock levels. An admin sets how many units are available ({@code inventory.updated} is appended to the event
 * store in the same transaction); a new product gets an empty row ({@link #productCreated}, which the
 * {@code product.created} consumer calls).
 */
@ApplicationScoped
public class Inventory {

    private final InventoryStore store;
    private final EventStore events;
    private final Clock clock;

    @Inject
    public Inventory(InventoryStore store, EventStore events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Optional<StockLevel> find(String productId) {
        return store.find(productId);
    }

    /** Sets the available units of a product (creating its row). */
    @Transactional
    public StockLevel setAvailable(String productId, int available, String actor) {
        Instant now = clock.instant();
        StockLevel level = store.setAvailable(productId, available, now);
        events.append(EventStore.INVENTORY, productId, level.version(), "inventory.updated",
                Json.write(Map.of("productId", productId, "available", level.available(), "reserved", level.reserved())),
                actor, now);
        return level;
    }

    /** A product was created: it starts with no stock. Repeated deliveries change nothing. */
    @Transactional
    public boolean productCreated(String productId) {
        return store.createIfMissing(productId, clock.instant());
    }
}
