package dev.cairn.product.persistence;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.regex.Pattern;

/**
 * How {@code ?q=} becomes a MongoDB filter. With a server that supports text indexes it is a {@code $text} search;
 * otherwise (the embedded MongoDB-wire server used locally) a case-insensitive substring match on name,
 * description and tags, with every regex metacharacter of the input escaped, so user input never acts as a pattern.
 *
 * @param textIndexSupported whether {@code $text} works on this server (probed at startup)
 */
public record TextSearch(boolean textIndexSupported) {

    private static final Pattern METACHARACTERS = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}/#-]");

    /** The filter matching {@code text}. */
    public Bson filter(String text) {
        if (textIndexSupported) {
            return Filters.text(text);
        }
        String literal = escape(text.trim());
        return Filters.or(
                Filters.regex(ProductDocuments.NAME, literal, "i"),
                Filters.regex(ProductDocuments.DESCRIPTION, literal, "i"),
                Filters.regex(ProductDocuments.TAGS, literal, "i"));
    }

    /** {@code text} with each regex metacharacter backslash-escaped (works in PCRE and java.util.regex). */
    public static String escape(String text) {
        return METACHARACTERS.matcher(text).replaceAll("\\\\$0");
    }
}
