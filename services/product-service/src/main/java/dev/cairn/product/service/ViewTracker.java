package dev.cairn.product.service;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.relay.PendingEvent;
import dev.cairn.product.domain.Product;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Counts product views ({@code cairn_product_views_total}) and sends a {@code product.viewed} event per view to the
 * Kafka topic {@code cairn.analytics} (key = product id) for the analytics service. Views are analytics, not state:
 * they go through a bounded in-memory queue drained by one virtual thread, so a slow or absent Kafka never slows a
 * read; when the queue is full, views are dropped and counted ({@code cairn_product_views_dropped_total}).
 */
@ApplicationScoped
public class ViewTracker {

    /** The analytics topic of CONTRACT.md section 4. */
    public static final String TOPIC = "cairn.analytics";

    private static final Logger LOG = Logger.getLogger(ViewTracker.class.getName());

    private final Counter views;
    private final Counter dropped;
    private final Counter sendFailures;
    private final BlockingQueue<CairnEvent> pending;
    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final Thread sender;
    private volatile boolean running = true;

    @Inject
    public ViewTracker(Config config, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.views = Meters.counter(metrics, "cairn_product_views");
        this.dropped = Meters.counter(metrics, "cairn_product_views_dropped");
        this.sendFailures = Meters.counter(metrics, "cairn_product_views_send_failures");
        this.pending = new ArrayBlockingQueue<>(config.getOptionalValue("cairn.products.views.queue-size", Integer.class)
                .orElse(10_000));
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigValues.require(config, "cairn.kafka.bootstrap",
                        "set it to the Kafka bootstrap servers, e.g. 127.0.0.1:9092"),
                ProducerConfig.CLIENT_ID_CONFIG, "product-service-views",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 50,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                new StringSerializer(), new ByteArraySerializer());
        this.sender = Thread.ofVirtual().name("product-views").start(this::drain);
    }

    /** Records one view of {@code product}. */
    public void viewed(Product product) {
        views.inc();
        if (!pending.offer(ProductEvents.viewed(product))) {
            dropped.inc();
        }
    }

    private void drain() {
        while (running) {
            CairnEvent event;
            try {
                event = pending.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            try {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, event.subject(), codec.encode(event));
                if (event.traceparent() != null) {
                    record.headers().add(PendingEvent.TRACEPARENT_HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
                }
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        sendFailures.inc();
                    }
                });
            } catch (RuntimeException e) {
                sendFailures.inc();
                LOG.fine(() -> "product.viewed not sent: " + e.getMessage());
            }
        }
    }

    @PreDestroy
    void close() {
        running = false;
        sender.interrupt();
        producer.close(Duration.ofSeconds(2));
    }
}
