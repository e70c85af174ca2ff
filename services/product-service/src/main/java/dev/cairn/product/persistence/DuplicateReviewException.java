package dev.cairn.product.persistence;

/** The customer already reviewed this product (unique index on productId and userId). */
public class DuplicateReviewException extends RuntimeException {

    public DuplicateReviewException() {
        super("You have already reviewed this product", null, false, false);
    }
}
