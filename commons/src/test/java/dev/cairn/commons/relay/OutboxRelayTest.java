package dev.cairn.commons.relay;

import dev.cairn.testsupport.CountingCounter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The relay loop: nothing is marked published before every broker confirmed it; outages delay, never lose. */
class OutboxRelayTest {

    /** An in-memory outbox. */
    private static final class ListSource implements OutboxSource {
        final List<PendingEvent> pending = new CopyOnWriteArrayList<>();

        @Override
        public List<PendingEvent> next(int max) {
            return List.copyOf(pending.subList(0, Math.min(max, pending.size())));
        }

        @Override
        public void published(List<PendingEvent> events) {
            pending.removeAll(events);
        }

        @Override
        public long backlog() {
            return pending.size();
        }
    }

    /** A broker that refuses while {@code down} and records what it confirmed. */
    private static final class FlakySink implements EventSink {
        final List<String> confirmed = new CopyOnWriteArrayList<>();
        final AtomicBoolean down = new AtomicBoolean();
        final AtomicInteger refused = new AtomicInteger();

        @Override
        public void publish(List<PendingEvent> events) throws Exception {
            if (down.get()) {
                refused.incrementAndGet();
                throw new java.io.IOException("broker unreachable");
            }
            events.forEach(event -> confirmed.add(event.id()));
        }

        @Override
        public String name() {
            return "flaky";
        }

        @Override
        public void close() {
        }
    }

    private static final LeaderLock ALWAYS = new LeaderLock() {
        @Override
        public boolean acquire() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    private static PendingEvent event(String aggregate, long sequence) {
        return new PendingEvent(aggregate + "-" + sequence, aggregate, sequence, "user.updated", "{}", aggregate + sequence);
    }

    @Test
    void aFailingBrokerKeepsTheBatchUntilItConfirms() throws Exception {
        ListSource source = new ListSource();
        FlakySink first = new FlakySink();
        FlakySink second = new FlakySink();
        source.pending.addAll(List.of(event("a", 1), event("a", 2), event("b", 1)));
        OutboxRelay relay = new OutboxRelay("test", source, List.of(first, second), ALWAYS, Duration.ofMillis(10), new CountingCounter(), new CountingCounter());

        second.down.set(true);
        assertThatThrownBy(relay::publishPending).hasMessageContaining("unreachable");
        assertThat(source.pending).hasSize(3);

        second.down.set(false);
        assertThat(relay.publishPending()).isEqualTo(3);
        assertThat(source.pending).isEmpty();
        assertThat(second.confirmed).containsExactly("a-1", "a-2", "b-1");
        // The first broker saw the batch twice: at least once, never lost.
        assertThat(first.confirmed).containsExactly("a-1", "a-2", "b-1", "a-1", "a-2", "b-1");
    }

    @Test
    void theLoopRetriesUntilTheBrokerIsBackAndKeepsTheOrder() {
        ListSource source = new ListSource();
        FlakySink sink = new FlakySink();
        sink.down.set(true);
        List<PendingEvent> events = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            events.add(event("agg" + (i % 5), i));
        }
        source.pending.addAll(events);
        try (OutboxRelay relay = new OutboxRelay("loop", source, List.of(sink), ALWAYS, Duration.ofMillis(10), new CountingCounter(), new CountingCounter()).start()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.refused.get() >= 2);
            assertThat(sink.confirmed).isEmpty();
            assertThat(relay.backlog()).as("the backlog gauge while the broker is down").isEqualTo(250);
            sink.down.set(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> source.pending.isEmpty());
        }
        assertThat(sink.confirmed).containsExactlyElementsOf(events.stream().map(PendingEvent::id).toList());
    }

    @Test
    void aFollowerPublishesNothing() throws Exception {
        ListSource source = new ListSource();
        FlakySink sink = new FlakySink();
        source.pending.add(event("a", 1));
        LeaderLock follower = new LeaderLock() {
            @Override
            public boolean acquire() {
                return false;
            }

            @Override
            public void close() {
            }
        };
        OutboxRelay relay = new OutboxRelay("follower", source, List.of(sink), follower, Duration.ofMillis(10), new CountingCounter(), new CountingCounter());
        assertThat(relay.publishPending()).isZero();
        assertThat(sink.confirmed).isEmpty();
        assertThat(source.pending).hasSize(1);
    }
}
