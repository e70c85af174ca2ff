package dev.cairn.product.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The editable fields of a product, as an admin submits them; a patch leaves {@code null} fields unchanged.
 */
public record ProductDraft(String sku, String name, String description, String category, List<String> tags,
                           BigDecimal price, String currency) {

    /** The product with this draft's non-null fields applied, one version later, changed at {@code now}. */
    public Product applyTo(Product current, java.time.Instant now) {
        return new Product(current.id(),
                sku != null ? sku : current.sku(),
                name != null ? name : current.name(),
                description != null ? description : current.description(),
                category != null ? category : current.category(),
                tags != null ? tags : current.tags(),
                price != null ? price : current.price(),
                currency != null ? currency : current.currency(),
                current.rating(), current.createdAt(), now, current.version() + 1, current.unitsSold());
    }

    /** Whether applying the draft changes nothing. */
    public boolean changesNothing(Product current) {
        Product applied = applyTo(current, current.updatedAt());
        return applied.sku().equals(current.sku()) && applied.name().equals(current.name())
                && java.util.Objects.equals(applied.description(), current.description())
                && applied.category().equals(current.category()) && applied.tags().equals(current.tags())
                && applied.price().compareTo(current.price()) == 0 && applied.currency().equals(current.currency());
    }
}
