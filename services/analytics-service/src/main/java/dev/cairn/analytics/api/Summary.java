package dev.cairn.analytics.api;

import dev.cairn.analytics.detect.Anomaly;
import dev.cairn.analytics.store.AnalyticsStore;
import dev.cairn.commons.money.Money;

import java.time.Instant;
import java.util.List;

/**
 * What happened in a window (CONTRACT.md section 3, analytics).
 *
 * @param window             {@code 1m}, {@code 5m} or {@code 1h}
 * @param from               start of the window (bucket-aligned, so up to 10 s more than the window)
 * @param to                 end of the window (now)
 * @param ordersCreated      orders placed
 * @param ordersPaid         orders confirmed (stock reserved, payment captured)
 * @param ordersPerMinute    orders placed per minute, averaged over the window
 * @param revenue            paid order totals, one entry per currency
 * @param usersRegistered    new accounts
 * @param topProductsByViews most viewed products, most first (up to 10)
 * @param topProductsBySales products with the most units sold, most first (up to 10)
 * @param anomalies          anomalies detected in the window, newest first
 */
public record Summary(String window, Instant from, Instant to, long ordersCreated, long ordersPaid, double ordersPerMinute,
                      List<Money> revenue, long usersRegistered, List<ProductCount> topProductsByViews,
                      List<ProductCount> topProductsBySales, List<Anomaly> anomalies) {

    /**
     * A product and how often it was viewed or how many units of it were sold.
     *
     * @param productId the product
     * @param count     views or units
     */
    public record ProductCount(String productId, long count) {

        static List<ProductCount> of(List<AnalyticsStore.Ranked> ranked) {
            return ranked.stream().map(entry -> new ProductCount(entry.productId(), entry.count())).toList();
        }
    }
}
