package dev.cairn.product.domain;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Turns what a customer typed into safe plain text: markup is removed (jsoup with an empty safelist), entities are
 * decoded, control characters dropped and runs of spaces collapsed, so the text can be shown anywhere.
 */
public final class ReviewText {

    /** Longest review kept. */
    public static final int MAX_LENGTH = 2000;

    private ReviewText() {
    }

    public static String sanitize(String raw) {
        if (raw == null) {
            return "";
        }
        String noMarkup = Jsoup.clean(raw, "", Safelist.none(), new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
        String text = org.jsoup.parser.Parser.unescapeEntities(noMarkup, false)
                .replaceAll("[\\p{Cntrl}&&[^\\n]]", " ")
                .replaceAll("[ \\t\\x0B\\f]+", " ")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
