package dev.cairn.product.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a product list can be sorted in ({@code ?sort=}); a leading {@code -} means descending. The
 * contract's values are {@code relevance}, {@code price}, {@code -price}, {@code rating} and {@code -createdAt};
 * the other directions are accepted too.
 */
public enum ProductSort {
    RELEVANCE("relevance", null, false),
    PRICE("price", "price", true),
    PRICE_DESC("-price", "price", false),
    RATING("rating", "rating.average", true),
    RATING_DESC("-rating", "rating.average", false),
    CREATED("createdAt", "createdAt", true),
    CREATED_DESC("-createdAt", "createdAt", false);

    private final String value;
    private final String field;
    private final boolean ascending;

    ProductSort(String value, String field, boolean ascending) {
        this.value = value;
        this.field = field;
        this.ascending = ascending;
    }

    /** The {@code ?sort=} value. */
    public String value() {
        return value;
    }

    /** The stored field sorted on; {@code null} for relevance. */
    public String field() {
        return field;
    }

    public boolean ascending() {
        return ascending;
    }

    public static Optional<ProductSort> parse(String value) {
        return Arrays.stream(values()).filter(sort -> sort.value.equals(value)).findFirst();
    }

    /** All accepted values, for error messages. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(ProductSort::value).toList());
    }
}
