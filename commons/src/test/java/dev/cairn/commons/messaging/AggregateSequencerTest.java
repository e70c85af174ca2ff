package dev.cairn.commons.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import dev.cairn.commons.persistence.Migrations;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two consumer instances compete for one real RabbitMQ queue and share positions in a real PostgreSQL database; the
 * events of 20 aggregates arrive shuffled, some twice, and each aggregate is still applied in order, each event once
 * (with a handler that is idempotent per event id, as the sequencer requires).
 */
class AggregateSequencerTest {

    private static final int AGGREGATES = 20;
    private static final int EVENTS_PER_AGGREGATE = 5;

    private final EventCodec codec = new EventCodec();
    private final Map<String, List<Long>> applied = new ConcurrentHashMap<>();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> appliedBy = new ConcurrentHashMap<>();
    private final Set<String> processed = ConcurrentHashMap.newKeySet();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<AggregateSequencer> sequencers = new ArrayList<>();
    private SequencePositions positions;
    private String queue;
    private Connection connection;

    @BeforeEach
    void setUp() throws Exception {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(TestDatabases.createUnique("sequencer"));
        dataSource.setUsername(TestInfrastructure.postgresUser());
        dataSource.setPassword(TestInfrastructure.postgresPassword());
        dataSource.setMaximumPoolSize(4);
        resources.add(dataSource);
        Migrations.migrate(dataSource, 1, Migrations.CONSUMER_LOCATION);
        positions = new JdbcSequencePositions(dataSource, "test.ordering");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(URI.create(TestInfrastructure.rabbitmqUrl()));
        connection = factory.newConnection("sequencer-test");
        queue = "test.ordering." + UUID.randomUUID();
        try (Channel admin = connection.createChannel()) {
            admin.queueDeclare(queue, false, false, true, Map.of());
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        connection.close();
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void twoInstancesApplyEachAggregateInOrderWhenEventsArriveShuffled() throws Exception {
        startInstance("a", Duration.ofSeconds(30));
        startInstance("b", Duration.ofSeconds(30));
        List<CairnEvent> events = new ArrayList<>();
        for (int aggregate = 0; aggregate < AGGREGATES; aggregate++) {
            String id = UUID.randomUUID().toString();
            for (long sequence = 1; sequence <= EVENTS_PER_AGGREGATE; sequence++) {
                events.add(event(id, sequence));
            }
        }
        List<CairnEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(42));
        shuffled.addAll(events.subList(0, 10));
        Collections.shuffle(shuffled.subList(60, shuffled.size()), new Random(7));
        publish(shuffled);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(applied.values().stream()
                .mapToInt(List::size).sum() == AGGREGATES * EVENTS_PER_AGGREGATE && queueIsDrained())
                .as("applied %s, outcomes %s, dead letters %s, parked %s", applied, outcomes, deadLetters,
                        sequencers.stream().map(AggregateSequencer::parkedCount).toList()).isTrue());
        assertThat(applied).hasSize(AGGREGATES);
        applied.forEach((aggregate, sequences) -> assertThat(sequences).as(aggregate)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, EVENTS_PER_AGGREGATE).boxed().toList()));
        assertThat(outcomes.get("parked").get()).as("shuffling made events wait").isPositive();
        assertThat(outcomes.get("duplicate").get() + outcomes.get("applied").get())
                .as("every delivery, the ten copies included, acknowledged once").isEqualTo(110);
        assertThat(outcomes.get("duplicate").get()).as("copies recognised by their sequence").isPositive();
        assertThat(deadLetters).isEmpty();
        assertThat(appliedBy.keySet()).as("both instances took part").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void anEventWhosePredecessorNeverComesIsDeadLetteredWithTheGap() throws Exception {
        startInstance("a", Duration.ofMillis(800));
        String id = UUID.randomUUID().toString();
        publish(List.of(event(id, 1), event(id, 3)));

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.size() == 1);
        assertThat(deadLetters.getFirst()).contains("gap").contains("#3").contains("order:" + id).contains("#2");
        assertThat(applied.get("order:" + id)).containsExactly(1L);

        publish(List.of(event(id, 2), event(id, 3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.get("order:" + id).size() == 3);
        assertThat(applied.get("order:" + id)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aMessageThatIsNotAnEventGoesStraightToTheDeadLetterQueue() throws Exception {
        startInstance("a", Duration.ofSeconds(30));
        try (Channel out = connection.createChannel()) {
            out.basicPublish("", queue, new AMQP.BasicProperties(), "{\"hello\":1}".getBytes());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.size() == 1);
        assertThat(deadLetters.getFirst()).contains("CloudEvents");
    }

    private CairnEvent event(String aggregate, long sequence) {
        return CairnEvent.create(EventType.ORDER_CREATED, "test", aggregate, sequence,
                Json.mapper().createObjectNode().put("n", sequence), null);
    }

    private void publish(List<CairnEvent> events) throws Exception {
        try (Channel out = connection.createChannel()) {
            for (CairnEvent event : events) {
                out.basicPublish("", queue, new AMQP.BasicProperties(), codec.encode(event));
            }
        }
    }

    private boolean queueIsDrained() throws Exception {
        try (Channel check = connection.createChannel()) {
            return check.queueDeclarePassive(queue).getMessageCount() == 0;
        }
    }

    /** One consumer instance: its own channel (prefetch 60) and sequencer, the shared positions. */
    private void startInstance(String name, Duration gapTimeout) throws Exception {
        AggregateSequencer sequencer = new AggregateSequencer("test." + name, positions, gapTimeout, Duration.ofMillis(100),
                Clock.systemUTC(), outcome -> outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet());
        resources.add(sequencer);
        sequencers.add(sequencer);
        Channel channel = connection.createChannel();
        channel.basicQos(60);
        // idempotent per event id, as every real handler is (processed-event store): two instances may both take a
        // redelivered copy of the same event at the same moment; the second application is then a no-op
        EventHandler handler = event -> {
            if (processed.add(event.id())) {
                appliedBy.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
                applied.computeIfAbsent(AggregateSequencer.aggregateOf(event), key -> new CopyOnWriteArrayList<>())
                        .add(event.sequence());
            }
        };
        channel.basicConsume(queue, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                sequencer.accept(new ChannelDelivery(channel, envelope.getDeliveryTag(), body), handler);
            }
        });
    }

    /** A delivery of the plain RabbitMQ client: acks on its channel; dead letters are collected by the test. */
    private final class ChannelDelivery implements Delivery {
        private final Channel channel;
        private final long tag;
        private final byte[] body;

        ChannelDelivery(Channel channel, long tag, byte[] body) {
            this.channel = channel;
            this.tag = tag;
            this.body = body;
        }

        @Override
        public byte[] body() {
            return body;
        }

        @Override
        public Optional<String> traceparent() {
            return Optional.empty();
        }

        @Override
        public CompletionStage<Void> ack() {
            synchronized (channel) {
                try {
                    channel.basicAck(tag, false);
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> retry(Throwable error) {
            synchronized (channel) {
                try {
                    channel.basicNack(tag, false, true);
                } catch (Exception e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> deadLetter(String reason) {
            deadLetters.add(reason);
            return ack();
        }
    }
}
