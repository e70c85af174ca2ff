package dev.cairn.commons.metrics;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds back meter registrations made on other threads while Helidon registers its own meters on the thread that
 * starts the application (its REST endpoint timers, registered when the application scope is initialised).
 * <p>
 * Helidon 4.1.2 may hold two Micrometer-backed registries, each with its own read-write lock, over one Micrometer
 * registry: a meter registered through the first takes its lock, then Micrometer's, then — telling every registry of
 * the new meter — the second's, while a registration through the second takes the locks the other way round. A
 * consumer that received a message on a RabbitMQ thread and registered its counters while the main thread registered
 * the endpoint timers hung a starting product-service for good (seen in CI). Waiting here until Helidon's start-up
 * registrations are done keeps the two apart. The wait is bounded, so a start-up that never opens the gate delays
 * registrations but never stops them.
 */
public final class StartupMetersGate {

    private final Duration longestWait;
    private volatile CountDownLatch registering = new CountDownLatch(0);
    private volatile Thread startupThread;

    /** @param longestWait how long another thread waits for the gate at most */
    public StartupMetersGate(Duration longestWait) {
        this.longestWait = longestWait;
    }

    /** The application starts on the calling thread; registrations on other threads wait from now on. */
    public void close() {
        registering = new CountDownLatch(1);
        startupThread = Thread.currentThread();
    }

    /** Helidon's start-up registrations are done; waiting registrations go on. */
    public void open() {
        registering.countDown();
        startupThread = null;
    }

    /** Waits, unless on the starting thread, until the gate is open or the longest wait has passed. */
    public void awaitOpen() {
        if (Thread.currentThread() == startupThread) {
            return;
        }
        try {
            registering.await(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
