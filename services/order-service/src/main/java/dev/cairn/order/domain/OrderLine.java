package dev.cairn.order.domain;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param productId the product
 * @param quantity  how many, at least 1
 * @param unitPrice price per unit when the order was priced, or {@code null} before
 * @param currency  currency of {@code unitPrice}, or {@code null} before pricing
 */
public record OrderLine(String productId, int quantity, BigDecimal unitPrice, String currency) {

    public OrderLine {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("productId is required");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    /** The line at a price. */
    public OrderLine priced(BigDecimal price, String priceCurrency) {
        return new OrderLine(productId, quantity, price, priceCurrency);
    }

    /** quantity × unit price. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
