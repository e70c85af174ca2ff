package dev.cairn.analytics.detect;

import java.time.Instant;

/**
 * A value the detector found far from what it expected.
 *
 * @param metric   {@code orders_per_minute} or {@code order_value}
 * @param value    the observed value
 * @param expected the moving average before it
 * @param zScore   how many (moving) standard deviations it lies away
 * @param subject  what it is about: the minute (ISO time) or the order id
 * @param at       when it was detected
 */
public record Anomaly(String metric, double value, double expected, double zScore, String subject, Instant at) {
}
