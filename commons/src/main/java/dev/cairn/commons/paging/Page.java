package dev.cairn.commons.paging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of a list response (CONTRACT.md section 3): {@code {"items": [...], "nextCursor": ...}}.
 *
 * @param items      the items of this page
 * @param nextCursor opaque cursor of the next page, {@code null} on the last page (always present in JSON)
 * @param <T>        item type
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
