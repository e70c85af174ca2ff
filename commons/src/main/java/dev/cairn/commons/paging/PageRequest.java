package dev.cairn.commons.paging;

import dev.cairn.commons.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code ?limit=} and {@code ?cursor=} of a list request. A cursor is opaque to clients: base64url of the
 * sort key of the last item returned; a cursor that does not decode is a 400 naming the {@code cursor} field.
 *
 * @param limit  page size, 1..100
 * @param cursor the decoded cursor parts, empty for the first page
 */
public record PageRequest(int limit, List<String> cursor) {

    /** Page size when the request names none. */
    public static final int DEFAULT_LIMIT = 20;
    /** Largest page a client may ask for. */
    public static final int MAX_LIMIT = 100;

    private static final String SEPARATOR = "\n";

    /**
     * Validates the raw query parameters.
     *
     * @param limit      {@code ?limit=}, or {@code null}
     * @param cursor     {@code ?cursor=}, or {@code null}
     * @param cursorSize how many parts this endpoint's cursors have
     */
    public static PageRequest of(Integer limit, String cursor, int cursorSize) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isEmpty()) {
            return new PageRequest(size, List.of());
        }
        List<String> parts;
        try {
            parts = Arrays.asList(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1));
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
        if (parts.size() != cursorSize) {
            throw invalidCursor();
        }
        return new PageRequest(size, parts);
    }

    /** Whether this is a request for the first page. */
    public boolean first() {
        return cursor.isEmpty();
    }

    /** Decodes cursor part {@code index} with {@code parser}; a value that does not parse is an invalid cursor. */
    public <T> T cursorPart(int index, Function<String, T> parser) {
        try {
            return parser.apply(cursor.get(index));
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    /**
     * The page for {@code rows}, fetched with {@code limit + 1} so that a next page is known to exist.
     *
     * @param rows      up to {@code limit + 1} rows in sort order
     * @param sortKey   the cursor parts of a row
     * @param toItem    maps a row to its response item
     */
    public <R, T> Page<T> page(List<R> rows, Function<R, List<String>> sortKey, Function<R, T> toItem) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(sortKey.apply(shown.getLast())) : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }

    /** The cursor that carries {@code parts}. */
    public static String encode(List<String> parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    private static ProblemException invalidCursor() {
        return ProblemException.invalidField("cursor", "is not a cursor this endpoint returned");
    }
}
