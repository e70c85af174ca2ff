package dev.cairn.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Several runs of one figure: their median, minimum and maximum. Every figure in docs/benchmarks.md is one of these,
 * never a single run.
 */
public record Summary(double median, double min, double max, int runs) {

    /** The median (mean of the two middle values for an even count), min and max of {@code values}. */
    public static Summary of(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        sorted.sort(Double::compare);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.getFirst(), sorted.getLast(), n);
    }

    /** The ratio of this median to {@code baseline}'s median. */
    public double ratioTo(Summary baseline) {
        return median / baseline.median;
    }

    /** {@code median (min–max)} with the given number of decimals, e.g. {@code 7 806 (7 512–8 010)}. */
    public String format(int decimals) {
        if (runs == 0 || Double.isNaN(median)) {
            return "n/a";
        }
        if (runs == 1) {
            return number(median, decimals);
        }
        return number(median, decimals) + " (" + number(min, decimals) + "–" + number(max, decimals) + ")";
    }

    /** A number with a thin grouping space every three digits (as the rest of the docs write them). */
    public static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        String plain = String.format(Locale.ROOT, "%." + decimals + "f", value);
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        boolean negative = whole.startsWith("-");
        String digits = negative ? whole.substring(1) : whole;
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + grouped + fraction;
    }
}
