package dev.cairn.gateway.edge;

import java.util.Locale;
import java.util.Optional;

/**
 * Checks a request path before anything routes on it. Refused (with the reason): encoded slashes, backslashes and
 * dots ({@code %2F}, {@code %5C}, {@code %2E}), double encoding ({@code %25}), NUL and control characters, dot
 * segments ({@code /./}, {@code /../}), empty segments ({@code //}) and paths over 2048 characters. What passes is
 * already in normal form, so the prefix a route matches is the path the upstream sees.
 */
public final class RequestPaths {

    private static final int MAX_LENGTH = 2048;

    private RequestPaths() {
    }

    /** Why {@code rawPath} is refused, or empty when it is fine. */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("the path must start with /");
        }
        if (rawPath.length() > MAX_LENGTH) {
            return Optional.of("the path is longer than " + MAX_LENGTH + " characters");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String encoded : new String[] {"%2f", "%5c", "%2e", "%25", "%00"}) {
            if (lower.contains(encoded)) {
                return Optional.of("the path contains the encoded character " + encoded.toUpperCase(Locale.ROOT));
            }
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Optional.of("the path contains a control character or backslash");
            }
        }
        if (rawPath.contains("//")) {
            return Optional.of("the path contains an empty segment (//)");
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("the path contains a dot segment");
            }
        }
        return Optional.empty();
    }
}
