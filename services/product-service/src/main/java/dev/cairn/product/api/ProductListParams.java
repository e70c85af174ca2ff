package dev.cairn.product.api;

import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.product.domain.ProductQuery;
import dev.cairn.product.domain.ProductSort;
import jakarta.ws.rs.QueryParam;

import java.math.BigDecimal;

/** The query parameters of a product list, shared by v1 and v2, checked into a {@link ProductQuery}. */
public class ProductListParams {

    private static final int MAX_TEXT = 200;

    @QueryParam("q")
    String q;
    @QueryParam("category")
    String category;
    @QueryParam("tag")
    String tag;
    @QueryParam("minPrice")
    String minPrice;
    @QueryParam("maxPrice")
    String maxPrice;
    @QueryParam("sort")
    String sort;
    @QueryParam("limit")
    Integer limit;
    @QueryParam("cursor")
    String cursor;

    ProductQuery query() {
        String text = blankToNull(q);
        if (text != null && text.length() > MAX_TEXT) {
            throw ProblemException.invalidField("q", "must be at most " + MAX_TEXT + " characters");
        }
        BigDecimal min = price("minPrice", minPrice);
        BigDecimal max = price("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.invalidField("minPrice", "must not be greater than maxPrice");
        }
        ProductSort order = sort == null || sort.isBlank()
                ? (text == null ? ProductSort.CREATED_DESC : ProductSort.RELEVANCE)
                : ProductSort.parse(sort.trim()).orElseThrow(() ->
                        ProblemException.invalidField("sort", "must be one of " + ProductSort.accepted()));
        return new ProductQuery(text, short64("category", category), short64("tag", tag), min, max, order);
    }

    PageRequest page() {
        return PageRequest.of(limit, cursor, 3);
    }

    private static BigDecimal price(String field, String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(text);
            if (price.signum() < 0 || price.precision() - price.scale() > 12) {
                throw ProblemException.invalidField(field, "must be a non-negative amount such as 12.50");
            }
            return price;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a decimal number such as 12.50");
        }
    }

    private static String short64(String field, String value) {
        String text = blankToNull(value);
        if (text != null && text.length() > 64) {
            throw ProblemException.invalidField(field, "must be at most 64 characters");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
