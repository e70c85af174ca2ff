package dev.cairn.operator.autoscaler;

import java.util.OptionalDouble;

/** Reads a component's metric, averaged per pod. */
public interface MetricSource {

    /**
     * The current value per pod, or empty while there is not yet enough data for a rate (first scrape).
     *
     * @throws MetricsUnavailableException when the metric cannot be read
     */
    OptionalDouble perPod(MetricTarget target) throws MetricsUnavailableException;
}
