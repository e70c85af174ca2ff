package dev.cairn.product.api;

import dev.cairn.product.domain.ProductDraft;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** {@code PATCH /api/v1/products/{id}}: only the fields present change; {@code version} as in {@link ProductRequest}. */
public record ProductPatchRequest(
        @Size(min = 1, max = 64) @Pattern(regexp = ProductRequest.SKU, message = "letters, digits, '.', '_' and '-' only") String sku,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 5000) String description,
        @Size(min = 1, max = 64) @Pattern(regexp = ProductRequest.CATEGORY, message = "lower-case letters, digits and '-' only") String category,
        @Size(max = 20) List<@jakarta.validation.constraints.NotBlank @Size(max = 40) String> tags,
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 4) BigDecimal price,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @jakarta.validation.constraints.PositiveOrZero Long version) {

    ProductDraft toDraft() {
        return new ProductDraft(sku == null ? null : sku.trim(), name == null ? null : name.trim(),
                description == null ? null : description.trim(), category,
                tags == null ? null : tags.stream().map(String::trim).distinct().toList(), price, currency);
    }
}
