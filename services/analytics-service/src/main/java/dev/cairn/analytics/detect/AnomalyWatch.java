package dev.cairn.analytics.detect;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.analytics.ingest.Contribution;
import dev.cairn.analytics.store.AnalyticsStore;
import dev.cairn.commons.money.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Watches two series for anomalies with {@link EwmaDetector}s: the value of each paid order (one detector per
 * currency, fed by the events this instance consumes) and the orders created per completed minute (read from the
 * shared Redis windows, so every instance sees the same series; the first instance to flag a minute lists it).
 * Findings go into the summary and {@code cairn_analytics_anomalies_total{metric}}. Tuned by
 * {@code cairn.analytics.anomaly.alpha} (0.1), {@code .threshold} (3.5) and {@code .warmup} (10 values).
 */
@ApplicationScoped
public class AnomalyWatch {

    public static final String ORDER_VALUE = "order_value";
    public static final String ORDERS_PER_MINUTE = "orders_per_minute";

    private static final Logger LOG = Logger.getLogger(AnomalyWatch.class.getName());

    private final AnalyticsStore store;
    private final Clock clock;
    private final MetricRegistry metrics;
    private final double alpha;
    private final double threshold;
    private final int warmup;
    private final Map<String, EwmaDetector> orderValues = new ConcurrentHashMap<>();
    private final EwmaDetector ordersPerMinute;
    private long lastMinute;

    @Inject
    public AnomalyWatch(AnalyticsStore store, Clock clock, Config config,
                        @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
        this.alpha = config.getOptionalValue("cairn.analytics.anomaly.alpha", Double.class).orElse(0.1);
        this.threshold = config.getOptionalValue("cairn.analytics.anomaly.threshold", Double.class).orElse(3.5);
        this.warmup = config.getOptionalValue("cairn.analytics.anomaly.warmup", Integer.class).orElse(10);
        this.ordersPerMinute = new EwmaDetector(alpha, threshold, warmup, 1.0);
        this.lastMinute = minuteOf(clock.instant()) - 1;
        // created up front: a meter first created while the server stops can deadlock Helidon 4.1
        for (String metric : new String[] {ORDER_VALUE, ORDERS_PER_MINUTE}) {
            Meters.counter(metrics, "cairn_analytics_anomalies_total", new Tag("metric", metric));
        }
    }

    /** Created with the application (not on first use), so its counters exist from the start. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        LOG.fine(() -> "Anomaly detection: alpha " + alpha + ", |z| > " + threshold + " after " + warmup + " values");
    }

    /** Checks the total of paid order {@code orderId}. */
    public void orderPaid(String orderId, Money total) {
        double value = total.value().doubleValue();
        EwmaDetector detector = orderValues.computeIfAbsent(total.currency(),
                currency -> new EwmaDetector(alpha, threshold, warmup, 1.0));
        double expected = detector.mean();
        detector.observe(value).ifPresent(z -> flag(ORDER_VALUE + ":" + orderId,
                new Anomaly(ORDER_VALUE, value, expected, z, orderId, clock.instant())));
    }

    /** Checks every minute that completed since the last call (the caller runs this every few seconds). */
    public synchronized void checkCompletedMinutes() {
        long current = minuteOf(clock.instant());
        for (long minute = lastMinute + 1; minute < current; minute++) {
            Instant start = Instant.ofEpochSecond(minute * 60);
            long orders = store.counters(start, start.plusSeconds(59)).getOrDefault(Contribution.ORDERS_CREATED, 0L);
            double expected = ordersPerMinute.mean();
            OptionalDouble z = ordersPerMinute.observe(orders);
            if (z.isPresent()) {
                flag(ORDERS_PER_MINUTE + ":" + minute,
                        new Anomaly(ORDERS_PER_MINUTE, orders, expected, z.getAsDouble(), start.toString(), clock.instant()));
            }
            lastMinute = minute;
        }
    }

    private void flag(String key, Anomaly anomaly) {
        if (store.addAnomaly(key, anomaly)) {
            Meters.counter(metrics, "cairn_analytics_anomalies_total", new Tag("metric", anomaly.metric())).inc();
            LOG.warning(() -> "Anomaly in " + anomaly.metric() + ": " + anomaly.value() + " where about "
                    + Math.round(anomaly.expected() * 100) / 100.0 + " was expected (z = "
                    + Math.round(anomaly.zScore() * 10) / 10.0 + ", " + anomaly.subject() + ")");
        }
    }

    private static long minuteOf(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }
}
