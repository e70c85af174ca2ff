package dev.cairn.product.api;

import dev.cairn.product.domain.ProductDraft;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/v1/products} and {@code PUT /api/v1/products/{id}}: a complete product (v1 shape, price a number).
 * {@code version} (or {@code If-Match}) makes the change conditional. Fields are plain values only: an object where a string belongs (e.g. {@code {"$gt": ""}}) is a 400.
 */
public record ProductRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = ProductRequest.SKU, message = "letters, digits, '.', '_' and '-' only") String sku,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 5000) String description,
        @NotBlank @Size(max = 64) @Pattern(regexp = ProductRequest.CATEGORY, message = "lower-case letters, digits and '-' only") String category,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 4) BigDecimal price,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @jakarta.validation.constraints.PositiveOrZero Long version) {

    static final String SKU = "[A-Za-z0-9._-]+";
    static final String CATEGORY = "[a-z0-9-]+";

    ProductDraft toDraft() {
        return new ProductDraft(sku.trim(), name.trim(), description == null ? "" : description.trim(), category,
                tags == null ? List.of() : tags.stream().map(String::trim).distinct().toList(), price, currency);
    }
}
