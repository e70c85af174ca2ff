package dev.cairn.product.persistence;

/** Another product already has this SKU (unique index {@code sku}). */
public class SkuTakenException extends RuntimeException {

    public SkuTakenException(String sku) {
        super("A product with SKU '" + sku + "' already exists", null, false, false);
    }
}
