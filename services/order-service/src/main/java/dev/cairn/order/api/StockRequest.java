package dev.cairn.order.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/inventory/{productId}}: the units available for new orders. */
public record StockRequest(@NotNull @Min(0) @Max(10_000_000) Integer available) {
}
