package dev.cairn.commons.relay;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every event to the Kafka topic {@code cairn.analytics}, keyed by aggregate id (so one aggregate's events
 * stay in one partition, in order), with {@code acks=all} and the idempotent producer; a batch counts as sent when
 * every record is acknowledged.
 */
public final class KafkaSink implements EventSink {

    /** The topic of CONTRACT.md section 4. */
    public static final String TOPIC = "cairn.analytics";

    private final KafkaProducer<String, String> producer;
    private final Duration timeout;

    public KafkaSink(String bootstrapServers, String clientId, Duration timeout) {
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() + 1_000,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    @Override
    public void publish(List<PendingEvent> events) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (PendingEvent event : events) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, event.aggregateId(), event.cloudEvent());
            if (event.traceparent() != null) {
                record.headers().add(PendingEvent.TRACEPARENT_HEADER, event.traceparent().getBytes(StandardCharsets.UTF_8));
            }
            sent.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : sent) {
            ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
