package dev.cairn.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@code /metrics} body against the Prometheus text exposition format (version 0.0.4): every line a
 * {@code # HELP}, a {@code # TYPE} with a known type, another comment, or a sample {@code name{labels} value
 * [timestamp]} with well-formed labels and a number.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern TYPE = Pattern.compile("^# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)$");
    private static final Pattern SAMPLE = Pattern.compile("^(" + NAME + ")(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*})?"
            + " ([-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?|NaN|[-+]?Inf)( -?\\d+)?$");

    private PrometheusText() {
    }

    /** The sample lines (neither blank nor a comment), as exported. */
    public static List<String> samples(String body) {
        return body.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    /**
     * The metric families declared by {@code # TYPE} lines.
     *
     * @throws AssertionError naming every line that is not valid
     */
    public static Set<String> families(String body) {
        Set<String> families = new LinkedHashSet<>();
        List<String> invalid = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("# HELP ")) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                families.add(type.group(1));
            } else if (line.startsWith("# TYPE") || !line.startsWith("#") && !SAMPLE.matcher(line).matches()) {
                invalid.add(line);
            }
        }
        if (!invalid.isEmpty()) {
            throw new AssertionError("Not Prometheus text format: " + invalid.subList(0, Math.min(5, invalid.size())));
        }
        return families;
    }
}
