package dev.cairn.operator.autoscaler;

/** Just enough of the Prometheus text format to add up the samples of one series name. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of every sample of {@code name} (all label sets), or NaN when there is none.
     */
    public static double sum(String exposition, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#' || !line.startsWith(name)) {
                continue;
            }
            int end = name.length();
            if (line.length() == end || (line.charAt(end) != '{' && line.charAt(end) != ' ')) {
                continue;
            }
            int valueStart = line.charAt(end) == '{' ? line.lastIndexOf('}') + 1 : end;
            String[] rest = line.substring(valueStart).trim().split("\\s+");
            try {
                double value = Double.parseDouble(rest[0]);
                if (!Double.isNaN(value)) {
                    sum += value;
                    found = true;
                }
            } catch (NumberFormatException e) {
                // A sample that is not a number is skipped like the NaN of an unset gauge.
            }
        }
        return found ? sum : Double.NaN;
    }
}
