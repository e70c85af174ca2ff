package dev.cairn.commons.relay;

import org.eclipse.microprofile.metrics.Counter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes a service's outbox to the brokers (CONTRACT.md section 4). One virtual thread loops: while this instance
 * holds the {@link LeaderLock}, it takes the next batch from the {@link OutboxSource}, publishes it to every
 * {@link EventSink} (each waits for its broker's confirmation), and only then marks it published. When a broker is
 * down the batch stays in the outbox and the relay backs off (doubling up to 30 s), then sends it when the broker is
 * back: nothing is lost, and an event may be sent twice (at least once; consumers deduplicate on the event id).
 * One publisher per service keeps each aggregate's events in sequence order.
 * <p>
 * Counts go to the two counters it is given ({@link OutboxRelays} registers them as
 * {@code cairn_outbox_published_total{relay}} and {@code cairn_outbox_publish_failures_total{relay}}).
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 100;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);

    private final String name;
    private final OutboxSource source;
    private final List<EventSink> sinks;
    private final LeaderLock leader;
    private final Duration idle;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running = true;
    private Instant backlogMeasured = Instant.EPOCH;
    private Thread thread;

    /**
     * @param name    the relay's name in logs and metrics, e.g. {@code user-service}
     * @param idle    how long to wait when the outbox is empty
     */
    public OutboxRelay(String name, OutboxSource source, List<EventSink> sinks, LeaderLock leader, Duration idle,
                       Counter published, Counter failures) {
        this.name = name;
        this.source = source;
        this.sinks = List.copyOf(sinks);
        this.leader = leader;
        this.idle = idle;
        this.published = published;
        this.failures = failures;
    }

    /** Starts relaying on a virtual thread. */
    public OutboxRelay start() {
        thread = Thread.ofVirtual().name("outbox-relay-" + name).start(this::run);
        return this;
    }

    /** Publishes what is pending now, once; returns how many events went out (for tests and tools). */
    public int publishPending() throws Exception {
        if (!leader.acquire()) {
            return 0;
        }
        List<PendingEvent> batch = source.next(BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        for (EventSink sink : sinks) {
            sink.publish(batch);
        }
        source.published(batch);
        published.inc(batch.size());
        return batch.size();
    }

    /**
     * Events waiting in the outbox, as this instance last measured it: every 5 s while it holds the relay's lead;
     * 0 on instances that never led (gauge {@code cairn_outbox_backlog}).
     */
    public long backlog() {
        return backlog.get();
    }

    private void measureBacklog() throws Exception {
        Instant now = Instant.now();
        if (leader.acquire() && Duration.between(backlogMeasured, now).compareTo(BACKLOG_EVERY) >= 0) {
            backlogMeasured = now;
            backlog.set(source.backlog());
        }
    }

    private void run() {
        Duration backoff = idle;
        while (running) {
            try {
                measureBacklog();
                int sent = publishPending();
                backoff = idle;
                if (sent == 0) {
                    sleep(idle);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failures.inc();
                Duration wait = backoff;
                LOG.log(Level.WARNING, "Outbox relay " + name + " could not publish (" + e.getMessage()
                        + "); the events stay in the outbox, retrying in " + wait.toMillis() + " ms");
                try {
                    sleep(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration);
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        sinks.forEach(EventSink::close);
        leader.close();
    }
}
