package dev.cairn.analytics.api;

import dev.cairn.commons.problem.ProblemException;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The windows a summary covers: the last minute, five minutes or hour. */
public enum SummaryWindow {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    ONE_HOUR("1h", Duration.ofHours(1));

    private final String label;
    private final Duration length;

    SummaryWindow(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    public Duration length() {
        return length;
    }

    /**
     * The window named {@code label}; {@code 5m} when it is null.
     *
     * @throws ProblemException (400, naming the allowed values) for any other text
     */
    public static SummaryWindow parse(String label) {
        if (label == null) {
            return FIVE_MINUTES;
        }
        return Arrays.stream(values()).filter(window -> window.label.equals(label)).findFirst()
                .orElseThrow(() -> ProblemException.invalidField("window", "must be one of "
                        + Arrays.stream(values()).map(SummaryWindow::label).collect(Collectors.joining(", "))));
    }
}
