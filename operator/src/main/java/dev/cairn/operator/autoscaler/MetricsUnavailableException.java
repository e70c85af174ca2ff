package dev.cairn.operator.autoscaler;

/** The metric could not be read (Prometheus down, no pod answering, unparsable answer). */
public class MetricsUnavailableException extends Exception {

    public MetricsUnavailableException(String message) {
        super(message);
    }

    public MetricsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
