package dev.cairn.analytics.detect;

import java.util.OptionalDouble;

/**
 * A streaming outlier test: an exponentially weighted moving average and variance of the values seen, and the
 * z-score of each new value against them. After {@code warmup} values, a value whose |z| exceeds {@code threshold} is
 * reported. The standard deviation never counts as smaller than {@code minDeviation}, so a flat history (say, zero
 * orders a minute at night) does not make the first change infinitely surprising. Thread-safe.
 */
public final class EwmaDetector {

    private final double alpha;
    private final double threshold;
    private final int warmup;
    private final double minDeviation;
    private double mean;
    private double variance;
    private long count;

    /**
     * @param alpha        weight of the newest value, in (0, 1]
     * @param threshold    |z| above which a value is an anomaly
     * @param warmup       values to learn from before reporting
     * @param minDeviation floor of the standard deviation
     */
    public EwmaDetector(double alpha, double threshold, int warmup, double minDeviation) {
        if (alpha <= 0 || alpha > 1 || threshold <= 0 || warmup < 1 || minDeviation <= 0) {
            throw new IllegalArgumentException("alpha in (0,1], threshold > 0, warmup >= 1 and minDeviation > 0 are required");
        }
        this.alpha = alpha;
        this.threshold = threshold;
        this.warmup = warmup;
        this.minDeviation = minDeviation;
    }

    /**
     * Learns {@code value}.
     *
     * @return its z-score when it is an anomaly
     */
    public synchronized OptionalDouble observe(double value) {
        OptionalDouble anomaly = OptionalDouble.empty();
        if (count == 0) {
            mean = value;
        } else {
            double z = (value - mean) / Math.max(Math.sqrt(variance), minDeviation);
            if (count >= warmup && Math.abs(z) > threshold) {
                anomaly = OptionalDouble.of(z);
            }
            double difference = value - mean;
            double increment = alpha * difference;
            mean += increment;
            variance = (1 - alpha) * (variance + difference * increment);
        }
        count++;
        return anomaly;
    }

    /** The moving average. */
    public synchronized double mean() {
        return mean;
    }
}
