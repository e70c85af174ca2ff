package dev.cairn.order.operations;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.commons.config.ConfigValues;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code cairn_dlq_depth{queue}}: how many messages wait in each dead-letter queue of {@code cairn.dlq.queues}, asked
 * of RabbitMQ every {@code cairn.dlq.refresh-interval} (15 s; the last known depth stays while RabbitMQ cannot be
 * reached). The gauges exist from the
 * start, so alerts can fire on a non-empty DLQ.
 */
@ApplicationScoped
public class DeadLetterGauges {

    private static final Logger LOG = Logger.getLogger(DeadLetterGauges.class.getName());

    private final DeadLetters deadLetters;
    private final MetricRegistry metrics;
    private final Duration every;
    private final Map<String, Long> depths = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    @Inject
    public DeadLetterGauges(DeadLetters deadLetters, Config config,
                            @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.every = ConfigValues.duration(config, "cairn.dlq.refresh-interval", Duration.ofSeconds(15));
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String queue : deadLetters.queueNames()) {
            depths.put(queue, 0L);
            Meters.gauge(metrics, "cairn_dlq_depth", depths, all -> all.getOrDefault(queue, 0L), new Tag("queue", queue));
        }
        refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("dlq-depth").factory());
        refresher.scheduleWithFixedDelay(this::refresh, 1_000, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            deadLetters.list().forEach(queue -> depths.put(queue.name(), queue.depth()));
        } catch (RuntimeException e) {
            LOG.fine(() -> "DLQ depths not refreshed: " + e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }
}
