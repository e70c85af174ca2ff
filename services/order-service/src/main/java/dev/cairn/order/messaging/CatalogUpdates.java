package dev.cairn.order.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.money.Money;
import dev.cairn.order.persistence.InventoryStore;
import dev.cairn.order.persistence.PriceStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * What the product events change in the order service, each event once (the processed-event record and the change
 * commit together): {@code product.created} gives the product an empty inventory row and caches its price,
 * {@code product.updated} caches the new price, {@code product.deleted} drops it from the cache.
 */
@ApplicationScoped
public class CatalogUpdates {

    private final InventoryStore inventory;
    private final PriceStore prices;
    private final Clock clock;

    @Inject
    public CatalogUpdates(InventoryStore inventory, PriceStore prices, Clock clock) {
        this.inventory = inventory;
        this.prices = prices;
        this.clock = clock;
    }

    /**
     * Applies {@code event} unless it was applied before.
     *
     * @return whether it was applied now
     * @throws IllegalArgumentException when a created or updated product has no valid price
     */
    @Transactional
    public boolean apply(CairnEvent event) {
        Instant now = clock.instant();
        if (!inventory.markProcessed(ProductEventsConsumer.QUEUE, event.id(), now)) {
            return false;
        }
        switch (event.type()) {
            case "product.created" -> {
                inventory.createIfMissing(event.subject(), now);
                prices.put(event.subject(), event.data().path("name").asText(), priceOf(event), event.sequence(), now);
            }
            case "product.updated" ->
                    prices.put(event.subject(), event.data().path("name").asText(), priceOf(event), event.sequence(), now);
            case "product.deleted" -> prices.remove(event.subject());
            default -> {
                // other product events change nothing here
            }
        }
        return true;
    }

    private static Money priceOf(CairnEvent event) {
        JsonNode price = event.data().path("price");
        String currency = price.path("currency").asText("");
        if (!Money.isCurrency(currency)) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no valid price currency");
        }
        try {
            return Money.of(new BigDecimal(price.path("amount").asText()), currency);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " has no valid price amount", e);
        }
    }
}
