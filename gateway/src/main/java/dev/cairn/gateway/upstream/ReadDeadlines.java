package dev.cairn.gateway.upstream;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Read timeouts of upstream calls without socket timeouts. A virtual thread blocked in a read with a socket timeout
 * parks with a timer, and on JDK 25 every such park hands a timer task to the scheduler's delay thread and wakes it:
 * measured on the gateway at saturation, 9 % of its CPU went to that, per request. Instead, a call marks when it
 * starts waiting for upstream bytes and when they came, and one thread looks every {@code every} for calls that
 * waited longer than their timeout and cancels them (which closes their connection and ends the blocked read).
 * A timeout therefore fires up to {@code every} late.
 */
final class ReadDeadlines implements AutoCloseable {

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("gateway-read-deadlines").factory());

    ReadDeadlines(Duration every) {
        scanner.scheduleWithFixedDelay(this::expireOverdue, every.toNanos(), every.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Starts watching a call, as waiting for bytes from now on.
     *
     * @param onExpiry what ends the call's blocked read (cancels it), run on the scanner thread
     */
    Watch watch(Duration timeout, Runnable onExpiry) {
        Watch watch = new Watch(timeout.toNanos(), onExpiry);
        watched.add(watch);
        return watch;
    }

    void expireOverdue() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            watch.expireIfOverdue(now);
        }
    }

    @Override
    public void close() {
        scanner.shutdownNow();
    }

    /** One call's reads. */
    final class Watch implements AutoCloseable {

        private static final long NOT_WAITING = Long.MIN_VALUE;

        private final long timeoutNanos;
        private final Runnable onExpiry;
        private volatile long waitingSince;
        private volatile boolean expired;

        private Watch(long timeoutNanos, Runnable onExpiry) {
            this.timeoutNanos = timeoutNanos;
            this.onExpiry = onExpiry;
            this.waitingSince = System.nanoTime();
        }

        /** The call waits for upstream bytes from now on. */
        void waiting() {
            waitingSince = System.nanoTime();
        }

        /** The bytes came (or the read failed). */
        void arrived() {
            waitingSince = NOT_WAITING;
        }

        /** Whether the call was cancelled for waiting too long. */
        boolean expired() {
            return expired;
        }

        long timeoutMillis() {
            return TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
        }

        private void expireIfOverdue(long now) {
            long since = waitingSince;
            if (since != NOT_WAITING && now - since > timeoutNanos && !expired) {
                expired = true;
                watched.remove(this);
                onExpiry.run();
            }
        }

        /** Stops watching the call. */
        @Override
        public void close() {
            watched.remove(this);
        }
    }
}
