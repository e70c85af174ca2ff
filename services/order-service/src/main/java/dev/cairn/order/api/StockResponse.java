package dev.cairn.order.api;

import dev.cairn.order.persistence.InventoryStore.StockLevel;

/** {@code {productId, available, reserved}}. */
public record StockResponse(String productId, int available, int reserved) {

    static StockResponse of(StockLevel level) {
        return new StockResponse(level.productId(), level.available(), level.reserved());
    }
}
