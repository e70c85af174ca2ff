package dev.cairn.product.api;

import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;

/** Optimistic concurrency over HTTP: the product version is its entity tag ({@code ETag: "3"}). */
final class Versions {

    private Versions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a write is conditional on: from {@code If-Match} ({@code "3"}, {@code W/"3"}; {@code *} means any),
     * else from the body's {@code version}; {@code null} when neither is given.
     */
    static Long expected(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return bodyVersion;
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return bodyVersion;
        }
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            Long version = Long.parseLong(tag.replace("\"", ""));
            if (bodyVersion != null && !bodyVersion.equals(version)) {
                throw new ProblemException(ProblemType.BAD_REQUEST, "If-Match and the body's version disagree");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is not an entity tag of this product");
        }
    }
}
