package dev.cairn.product.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/products/{id}/reviews}: rating 1..5 and optional text (markup is removed). */
public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = 4000) String text) {
}
