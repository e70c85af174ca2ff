package dev.cairn.analytics.ingest;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.analytics.detect.AnomalyWatch;
import dev.cairn.analytics.store.AnalyticsStore;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.messaging.ConsumerSpan;
import dev.cairn.commons.relay.KafkaSink;
import dev.cairn.commons.relay.PendingEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Consumes Kafka {@code cairn.analytics} ({@code cairn.analytics.topic}) in consumer group {@code cairn.analytics.group} (default
 * {@code analytics-service}; instances share the partitions) and adds each event to the Redis windows. Offsets are
 * committed by hand, after the records before them were recorded; while Redis is down the consumer seeks back to the
 * first unrecorded record and retries with a growing pause, so nothing is lost, and the seen-id check of
 * {@link AnalyticsStore#record} makes a redelivered event count once. {@code cairn_analytics_consumer_lag} is how far
 * behind the newest records it is (Kafka's {@code records-lag-max}). A record that is not a Cairn event is counted
 * ({@code outcome="invalid"}) and skipped. Events older than the retention are skipped as {@code expired}.
 */
@ApplicationScoped
public class AnalyticsConsumer {

    private static final Logger LOG = Logger.getLogger(AnalyticsConsumer.class.getName());
    private static final Duration MAX_PAUSE = Duration.ofSeconds(15);

    private final AnalyticsStore store;
    private final AnomalyWatch anomalies;
    private final Clock clock;
    private final MetricRegistry metrics;
    private final Config config;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running;
    private String topic;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread poller;
    private ScheduledExecutorService minuteChecks;

    @Inject
    public AnalyticsConsumer(AnalyticsStore store, AnomalyWatch anomalies, Clock clock, Config config,
                             @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.store = store;
        this.anomalies = anomalies;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!config.getOptionalValue("cairn.analytics.consumer.enabled", Boolean.class).orElse(true)) {
            LOG.info("The analytics consumer is off (cairn.analytics.consumer.enabled=false)");
            return;
        }
        registerCounters();
        Meters.gauge(metrics, "cairn_analytics_consumer_lag", lag, AtomicLong::get);
        String bootstrap = ConfigValues.require(config, "cairn.kafka.bootstrap", "set it to e.g. 127.0.0.1:9092");
        String group = config.getOptionalValue("cairn.analytics.group", String.class).orElse("analytics-service");
        topic = config.getOptionalValue("cairn.analytics.topic", String.class).orElse(KafkaSink.TOPIC);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, "analytics-service-" + ProcessHandle.current().pid(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        running = true;
        poller = Thread.ofPlatform().name("analytics-consumer").daemon().start(this::pollLoop);
        minuteChecks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("analytics-minutes").daemon().factory());
        minuteChecks.scheduleWithFixedDelay(this::checkMinutes, 5, 5, TimeUnit.SECONDS);
        LOG.info(() -> "Consuming " + topic + " from " + bootstrap + " in group " + group);
    }

    private void pollLoop() {
        Duration pause = Duration.ofMillis(500);
        while (running) {
            try {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag.set(currentLag());
                if (recordAll(records)) {
                    pause = Duration.ofMillis(500);
                } else {
                    sleep(pause);
                    pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
                }
            } catch (WakeupException e) {
                // closing
            } catch (KafkaException e) {
                long retryMillis = pause.toMillis();
                LOG.warning(() -> "Kafka poll failed (" + e.getMessage() + "); retrying in " + retryMillis + " ms");
                sleep(pause);
            }
        }
        consumer.close(Duration.ofSeconds(2));
    }

    /**
     * Records the batch in order; commits what was recorded. When Redis fails, rewinds every partition to its first
     * unrecorded record.
     *
     * @return whether the whole batch was recorded
     */
    private boolean recordAll(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean complete = true;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    recordOne(record);
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (JedisException e) {
                    LOG.warning(() -> "Redis is unavailable (" + e.getMessage() + "); " + topic
                            + " will be read again from offset " + record.offset() + " of partition " + partition.partition());
                    consumer.seek(partition, record.offset());
                    complete = false;
                    break;
                }
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        return complete;
    }

    private void recordOne(ConsumerRecord<String, byte[]> record) {
        CairnEvent event;
        try {
            event = codec.decode(record.value());
        } catch (EventCodec.InvalidEventException e) {
            count("invalid", "unknown");
            LOG.warning(() -> "Skipped offset " + record.offset() + " of " + record.topic() + "-" + record.partition()
                    + ": " + e.getMessage());
            return;
        }
        try (ConsumerSpan span = ConsumerSpan.start("analytics-service." + topic + " process",
                traceparentOf(record, event))) {
            span.attribute("messaging.message.id", event.id()).attribute("cairn.event.type", event.type());
            Contribution contribution;
            try {
                contribution = Contribution.of(event);
            } catch (IllegalArgumentException e) {
                count("invalid", event.type());
                LOG.warning(() -> "Skipped event " + event.id() + ": " + e.getMessage());
                return;
            }
            Instant at = event.time().toInstant();
            if (contribution.isEmpty()) {
                count("ignored", event.type());
            } else if (at.isBefore(clock.instant().minus(AnalyticsStore.RETENTION))) {
                count("expired", event.type());
            } else if (store.record(event.id(), at, contribution)) {
                count("recorded", event.type());
                contribution.orderValue().ifPresent(total -> anomalies.orderPaid(event.subject(), total));
            } else {
                count("duplicate", event.type());
            }
        }
    }

    private static String traceparentOf(ConsumerRecord<String, byte[]> record, CairnEvent event) {
        Header header = record.headers().lastHeader(PendingEvent.TRACEPARENT_HEADER);
        return header == null ? event.traceparent() : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The largest lag (records behind the end) over this consumer's partitions, 0 while unknown. */
    private long currentLag() {
        return consumer.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("records-lag-max")
                        && metric.getKey().group().equals("consumer-fetch-manager-metrics")
                        && !metric.getKey().tags().containsKey("topic"))
                .map(metric -> metric.getValue().metricValue())
                .filter(value -> value instanceof Double number && !number.isNaN())
                .mapToLong(value -> Math.max(0, Math.round((Double) value)))
                .findFirst().orElse(0L);
    }

    private void checkMinutes() {
        try {
            anomalies.checkCompletedMinutes();
        } catch (RuntimeException e) {
            LOG.fine(() -> "Orders-per-minute check postponed: " + e.getMessage());
        }
    }

    private void count(String outcome, String type) {
        counter(outcome, type).inc();
    }

    /** Creates the counters up front: a meter first created while the server stops can deadlock Helidon 4.1. */
    private void registerCounters() {
        for (String outcome : List.of("recorded", "duplicate", "ignored", "expired", "invalid")) {
            for (EventType type : EventType.values()) {
                counter(outcome, type.value());
            }
            counter(outcome, "unknown");
        }
    }

    private Counter counter(String outcome, String type) {
        return counters.computeIfAbsent(outcome + "|" + type, key -> Meters.counter(metrics, "cairn_analytics_events_total",
                new Tag("outcome", outcome), new Tag("type", type)));
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (minuteChecks != null) {
            minuteChecks.shutdownNow();
        }
        if (consumer != null) {
            consumer.wakeup();
            try {
                poller.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
