package dev.cairn.systemtests;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of Prometheus text, as a scraper would. */
final class Metrics {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {
    }

    /** The sum of every sample of {@code name} (exact sample name) whose labels include all of {@code labels}. */
    static double sum(String text, String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            Map<String, String> found = new java.util.HashMap<>();
            if (rest.startsWith("{")) {
                int end = rest.lastIndexOf('}');
                Matcher matcher = LABEL.matcher(rest.substring(1, end));
                while (matcher.find()) {
                    found.put(matcher.group(1), matcher.group(2));
                }
                rest = rest.substring(end + 1);
            } else if (!rest.startsWith(" ")) {
                continue; // another family that merely starts with the same name
            }
            if (labels.entrySet().stream().allMatch(e -> e.getValue().equals(found.get(e.getKey())))) {
                sum += Double.parseDouble(rest.trim().split("\\s+")[0]);
            }
        }
        return sum;
    }
}
