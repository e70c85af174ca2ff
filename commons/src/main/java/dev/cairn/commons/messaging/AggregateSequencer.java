package dev.cairn.commons.messaging;

import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Applies each aggregate's events in {@code sequence} order, once, even when several instances compete for one queue
 * and messages arrive shuffled or twice.
 * <p>
 * The aggregate of an event is its type's family plus its subject ({@code order:<id>}, {@code product:<id>}). The
 * {@link SequencePositions} (shared by all instances) say which sequence was applied last: an event at or below it is
 * a duplicate and is acknowledged; the next one is applied, the position advanced, then acknowledged; a later one is
 * parked here, unacknowledged, until its predecessor has been applied (here or by another instance, which a recheck
 * every {@code recheck} notices). A parked event whose predecessor does not come within {@code gapTimeout} goes to
 * the dead-letter queue with the gap as its reason. A failing handler sends its event to {@link Delivery#retry}.
 * Outcomes ({@code applied}, {@code duplicate}, {@code parked}, {@code failed}, {@code gap}, {@code invalid}) are
 * reported to {@code outcomes}, e.g. a metrics counter.
 */
public final class AggregateSequencer implements AutoCloseable {

    /** Every outcome reported to {@code outcomes}. */
    public static final List<String> OUTCOMES = List.of("applied", "duplicate", "parked", "failed", "gap", "invalid");

    private static final Logger LOG = Logger.getLogger(AggregateSequencer.class.getName());

    private final String consumer;
    private final SequencePositions positions;
    private final Duration gapTimeout;
    private final Clock clock;
    private final Consumer<String> outcomes;
    private final EventCodec codec = new EventCodec();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, TreeMap<Long, Parked>> parked = new HashMap<>();
    private final ScheduledExecutorService rechecks;

    /**
     * @param consumer   the queue name, for spans, logs and dead-letter reasons
     * @param positions  the shared per-aggregate positions
     * @param gapTimeout how long a later event waits for a missing predecessor
     * @param recheck    how often parked events look at the positions again
     * @param outcomes   told the outcome of each message
     */
    public AggregateSequencer(String consumer, SequencePositions positions, Duration gapTimeout, Duration recheck,
                              Clock clock, Consumer<String> outcomes) {
        this.consumer = consumer;
        this.positions = positions;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
        this.outcomes = outcomes;
        this.rechecks = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("sequencer-" + consumer).factory());
        rechecks.scheduleWithFixedDelay(this::recheck, recheck.toMillis(), recheck.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Takes one delivery: applies, acknowledges, parks or retries it.
     *
     * @return completes when the delivery was handed back to the broker, or at once when it was parked
     */
    public CompletionStage<Void> accept(Delivery delivery, EventHandler handler) {
        CairnEvent event;
        try {
            event = codec.decode(delivery.body());
        } catch (EventCodec.InvalidEventException e) {
            outcomes.accept("invalid");
            return delivery.deadLetter(e.getMessage());
        }
        String aggregate = aggregateOf(event);
        lock.lock();
        try {
            long last = positions.last(aggregate);
            if (event.sequence() <= last) {
                outcomes.accept("duplicate");
                return delivery.ack();
            }
            if (event.sequence() > last + 1) {
                return park(aggregate, event, delivery, handler, last);
            }
            Applied done = apply(aggregate, new Parked(event, delivery, handler, null));
            drain(aggregate);
            return done.handedBack();
        } catch (RuntimeException e) {
            outcomes.accept("failed");
            LOG.warning(() -> consumer + ": cannot order " + event.type() + " " + event.id() + " (" + e.getMessage()
                    + "); retrying it");
            return delivery.retry(e);
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting for a predecessor, across aggregates. */
    public int parkedCount() {
        lock.lock();
        try {
            return parked.values().stream().mapToInt(Map::size).sum();
        } finally {
            lock.unlock();
        }
    }

    /** The aggregate an event belongs to: its type's family and its subject, e.g. {@code order:42}. */
    public static String aggregateOf(CairnEvent event) {
        int dot = event.type().indexOf('.');
        return (dot < 0 ? event.type() : event.type().substring(0, dot)) + ":" + event.subject();
    }

    private CompletionStage<Void> park(String aggregate, CairnEvent event, Delivery delivery, EventHandler handler,
                                       long last) {
        TreeMap<Long, Parked> waiting = parked.computeIfAbsent(aggregate, key -> new TreeMap<>());
        Parked earlier = waiting.get(event.sequence());
        if (earlier != null) {
            // Delivered again. After a reconnect the earlier copy's channel is gone (the broker requeued it: this is
            // that copy), so the new delivery is the one to keep; a still-open earlier one is settled as a duplicate.
            settle(earlier.delivery());
            waiting.put(event.sequence(), new Parked(event, delivery, handler, clock.instant().plus(gapTimeout)));
            outcomes.accept("duplicate");
            return CompletableFuture.completedFuture(null);
        }
        waiting.put(event.sequence(), new Parked(event, delivery, handler, clock.instant().plus(gapTimeout)));
        outcomes.accept("parked");
        LOG.fine(() -> consumer + ": parked " + event.type() + " " + aggregate + " #" + event.sequence()
                + " until #" + (last + 1) + " is applied");
        return CompletableFuture.completedFuture(null);
    }

    /** Acknowledges a delivery that is no longer needed; one whose channel is closed has nothing to acknowledge. */
    private void settle(Delivery delivery) {
        try {
            delivery.ack();
        } catch (RuntimeException closedChannel) {
            LOG.fine(() -> consumer + ": an earlier copy could not be acknowledged (" + closedChannel.getMessage() + ")");
        }
    }

    /** Applies the parked events of {@code aggregate} that are next in line, or already applied elsewhere. */
    private void drain(String aggregate) {
        TreeMap<Long, Parked> waiting = parked.get(aggregate);
        if (waiting == null) {
            return;
        }
        long last = positions.last(aggregate);
        while (!waiting.isEmpty() && waiting.firstKey() <= last + 1) {
            Parked next = waiting.pollFirstEntry().getValue();
            if (next.event().sequence() <= last) {
                outcomes.accept("duplicate");
                next.delivery().ack();
            } else if (apply(aggregate, next).applied()) {
                last = next.event().sequence();
            } else {
                break;
            }
        }
        if (waiting.isEmpty()) {
            parked.remove(aggregate);
        }
    }

    private Applied apply(String aggregate, Parked entry) {
        CairnEvent event = entry.event();
        try (ConsumerSpan span = ConsumerSpan.start(consumer + " process",
                entry.delivery().traceparent().orElse(event.traceparent()))) {
            span.attribute("messaging.message.id", event.id()).attribute("cairn.event.type", event.type());
            try {
                entry.handler().apply(event);
                positions.advance(aggregate, event.sequence());
            } catch (Exception e) {
                span.failed(e);
                outcomes.accept("failed");
                LOG.warning(() -> consumer + ": could not apply " + event.type() + " " + event.id() + " ("
                        + e.getMessage() + "); retrying it");
                return new Applied(false, entry.delivery().retry(e));
            }
            outcomes.accept("applied");
            return new Applied(true, entry.delivery().ack());
        }
    }

    private void recheck() {
        lock.lock();
        try {
            for (String aggregate : parked.keySet().toArray(String[]::new)) {
                drain(aggregate);
            }
            Instant now = clock.instant();
            for (Iterator<Map.Entry<String, TreeMap<Long, Parked>>> aggregates = parked.entrySet().iterator();
                 aggregates.hasNext(); ) {
                Map.Entry<String, TreeMap<Long, Parked>> aggregate = aggregates.next();
                for (Iterator<Parked> entries = aggregate.getValue().values().iterator(); entries.hasNext(); ) {
                    Parked entry = entries.next();
                    if (entry.deadline().isBefore(now)) {
                        entries.remove();
                        outcomes.accept("gap");
                        String reason = "gap: " + entry.event().type() + " #" + entry.event().sequence() + " of "
                                + aggregate.getKey() + " waited " + gapTimeout.toSeconds() + " s for #"
                                + (positions.last(aggregate.getKey()) + 1) + ", which never came";
                        LOG.warning(() -> consumer + ": " + reason);
                        entry.delivery().deadLetter(reason);
                    }
                }
                if (aggregate.getValue().isEmpty()) {
                    aggregates.remove();
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> consumer + ": recheck of parked events failed (" + e.getMessage() + "); trying again");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        rechecks.shutdownNow();
    }

    private record Parked(CairnEvent event, Delivery delivery, EventHandler handler, Instant deadline) {
    }

    /**
     * What became of an event handed to its handler.
     *
     * @param applied    whether the handler succeeded and the position moved on
     * @param handedBack the acknowledgement, or the retry when it failed
     */
    private record Applied(boolean applied, CompletionStage<Void> handedBack) {
    }
}
