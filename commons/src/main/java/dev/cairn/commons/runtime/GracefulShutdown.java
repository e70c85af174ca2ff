package dev.cairn.commons.runtime;

import dev.cairn.commons.logging.LogField;
import jakarta.enterprise.inject.spi.CDI;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a Cairn process does on SIGTERM or SIGINT: stop taking new requests (readiness goes DOWN, new API calls get
 * 503), let those in flight finish for at most the grace period, then stop the container and exit with status 0.
 * A second SIGINT while draining (Ctrl-C twice) stops at once; other repeated signals are ignored, because a
 * supervisor such as {@code cairn up} sends SIGTERM after the terminal already sent SIGINT to the whole group.
 */
public final class GracefulShutdown {

    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());

    private final Duration grace;
    private final IntConsumer exit;
    private final AtomicReference<String> firstSignal = new AtomicReference<>();

    /**
     * @param grace how long in-flight requests may take after the signal
     * @param exit  how the process ends (System::exit in production)
     */
    public GracefulShutdown(Duration grace, IntConsumer exit) {
        this.grace = grace;
        this.exit = exit;
    }

    /** Replaces the JVM's default TERM and INT handling with this graceful sequence. */
    public void installSignalHandlers() {
        Signal.handle(new Signal("TERM"), signal -> onSignal("SIGTERM"));
        Signal.handle(new Signal("INT"), signal -> onSignal("SIGINT"));
    }

    void onSignal(String signal) {
        if (!firstSignal.compareAndSet(null, signal)) {
            if ("SIGINT".equals(signal) && "SIGINT".equals(firstSignal.get())) {
                LOG.log(Level.WARNING, "Second SIGINT while draining: stopping now");
                Runtime.getRuntime().halt(1);
            }
            return;
        }
        Thread.ofPlatform().name("cairn-shutdown").start(() -> shutDown(signal));
    }

    private void shutDown(String signal) {
        LOG.log(Level.INFO, "{0} received: draining", new Object[] {signal, LogField.of("graceMillis", grace.toMillis())});
        int left = 0;
        try {
            left = drain(inFlightRequests());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not drain requests; stopping anyway", e);
        }
        LOG.log(left == 0 ? Level.INFO : Level.WARNING, "Drained; stopping",
                new Object[] {LogField.of("abandonedRequests", left)});
        exit.accept(0);
    }

    /** Drains {@code requests} for at most the grace period; returns how many were still running. */
    public int drain(InFlightRequests requests) {
        try {
            return requests.drain(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return requests.count();
        }
    }

    private static InFlightRequests inFlightRequests() {
        return CDI.current().select(InFlightRequests.class).get();
    }
}
