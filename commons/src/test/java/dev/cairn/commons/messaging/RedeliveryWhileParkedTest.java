package dev.cairn.commons.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import dev.cairn.commons.events.EventType;
import dev.cairn.commons.json.Json;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A parked event that the broker delivers again (its first channel closed in a broker outage, so the broker requeued
 * it) must live on through the new delivery: the first one can no longer be acknowledged or dead-lettered.
 */
class RedeliveryWhileParkedTest {

    private final Map<String, Long> positions = new ConcurrentHashMap<>();
    private final List<Long> applied = new CopyOnWriteArrayList<>();

    @Test
    void theNewCopyOfAParkedEventIsTheOneAppliedOnceItsPredecessorArrives() {
        try (AggregateSequencer sequencer = sequencer(Duration.ofSeconds(30))) {
            FakeDelivery first = new FakeDelivery(event(2));
            sequencer.accept(first, event -> applied.add(event.sequence()));
            first.open = false; // the channel closed; the broker requeued the message
            FakeDelivery again = new FakeDelivery(event(2));
            sequencer.accept(again, event -> applied.add(event.sequence()));

            assertThat(again.acked).as("kept parked, not settled as a duplicate").isFalse();
            FakeDelivery predecessor = new FakeDelivery(event(1));
            sequencer.accept(predecessor, event -> applied.add(event.sequence()));

            assertThat(applied).containsExactly(1L, 2L);
            assertThat(predecessor.acked).isTrue();
            assertThat(again.acked).as("acknowledged on the open channel").isTrue();
        }
    }

    @Test
    void aGapIsDeadLetteredThroughTheDeliveryThatStillHasAChannel() {
        try (AggregateSequencer sequencer = sequencer(Duration.ofMillis(200))) {
            FakeDelivery first = new FakeDelivery(event(2));
            sequencer.accept(first, event -> applied.add(event.sequence()));
            first.open = false;
            FakeDelivery again = new FakeDelivery(event(2));
            sequencer.accept(again, event -> applied.add(event.sequence()));

            await().atMost(Duration.ofSeconds(5)).until(() -> again.deadLetter != null);
            assertThat(again.deadLetter).startsWith("gap: order.created #2");
            assertThat(applied).isEmpty();
        }
    }

    @Test
    void aSecondCopyWhileTheFirstChannelIsOpenSettlesTheFirstAsADuplicate() {
        try (AggregateSequencer sequencer = sequencer(Duration.ofSeconds(30))) {
            FakeDelivery first = new FakeDelivery(event(2));
            sequencer.accept(first, event -> applied.add(event.sequence()));
            FakeDelivery again = new FakeDelivery(event(2));
            sequencer.accept(again, event -> applied.add(event.sequence()));
            sequencer.accept(new FakeDelivery(event(1)), event -> applied.add(event.sequence()));

            assertThat(first.acked).isTrue();
            assertThat(again.acked).isTrue();
            assertThat(applied).as("applied once").containsExactly(1L, 2L);
        }
    }

    private AggregateSequencer sequencer(Duration gapTimeout) {
        SequencePositions memory = new SequencePositions() {
            @Override
            public long last(String aggregate) {
                return positions.getOrDefault(aggregate, 0L);
            }

            @Override
            public void advance(String aggregate, long sequence) {
                positions.put(aggregate, sequence);
            }
        };
        return new AggregateSequencer("test.redelivery", memory, gapTimeout, Duration.ofMillis(50), Clock.systemUTC(),
                outcome -> { });
    }

    private static CairnEvent event(long sequence) {
        return CairnEvent.create(EventType.ORDER_CREATED, "test", "order-7", sequence,
                Json.mapper().createObjectNode().put("n", sequence), null);
    }

    /** A delivery on a channel that can close: once closed, nothing it does reaches the broker. */
    private static final class FakeDelivery implements Delivery {
        private final byte[] body;
        volatile boolean open = true;
        volatile boolean acked;
        volatile String deadLetter;

        FakeDelivery(CairnEvent event) {
            this.body = new EventCodec().encode(event);
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
            if (!open) {
                return CompletableFuture.failedFuture(new IllegalStateException("channel closed"));
            }
            acked = true;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> retry(Throwable error) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> deadLetter(String reason) {
            if (!open) {
                return CompletableFuture.failedFuture(new IllegalStateException("channel closed"));
            }
            deadLetter = reason;
            return CompletableFuture.completedFuture(null);
        }
    }
}
