package dev.cairn.gateway.upstream;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One upstream instance and what the gateway knows of it: healthy or not (active checks), ejected until when (passive:
 * connection errors), requests in flight (for {@code least_conn}).
 */
public final class Instance {

    private final URI url;
    private final int weight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean healthy = true;
    private volatile Instant ejectedUntil = Instant.MIN;
    private volatile String lastProblem = "";
    int currentWeight;

    public Instance(URI url, int weight) {
        this.url = url;
        this.weight = weight;
    }

    public URI url() {
        return url;
    }

    public int weight() {
        return weight;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Whether it may take requests now: healthy and not ejected. */
    public boolean available(Instant now) {
        return healthy && !now.isBefore(ejectedUntil);
    }

    /** Whether a connection to it failed less than the ejection time ago. */
    public boolean ejected(Instant now) {
        return now.isBefore(ejectedUntil);
    }

    public boolean healthy() {
        return healthy;
    }

    public String lastProblem() {
        return lastProblem;
    }

    public Instant ejectedUntil() {
        return ejectedUntil;
    }

    /** A request starts; call {@link #finished()} when its response is complete. */
    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    /** Passive ejection: a connection to it failed. */
    public void eject(Instant until, String problem) {
        ejectedUntil = until;
        lastProblem = problem;
    }

    /** The result of an active health check. */
    public void checked(boolean ok, String problem) {
        healthy = ok;
        if (ok) {
            ejectedUntil = Instant.MIN;
        } else {
            lastProblem = problem;
        }
    }
}
