package dev.cairn.product.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The review summary of a product, kept as a count and a sum of ratings so concurrent reviews can be added with
 * one atomic increment each; the average is derived.
 *
 * @param count how many reviews
 * @param sum   sum of their ratings
 */
public record Rating(long count, long sum) {

    /** No reviews yet. */
    public static final Rating NONE = new Rating(0, 0);

    /** The mean rating to two decimals (half-up), 0 without reviews. */
    public BigDecimal average() {
        return count == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
