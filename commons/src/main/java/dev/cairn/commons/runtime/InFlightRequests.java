package dev.cairn.commons.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the API requests being served and, once draining starts, refuses new ones, so a stopping process
 * finishes what it has accepted and takes nothing new.
 */
@ApplicationScoped
public class InFlightRequests {

    private final AtomicBoolean draining = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;

    /** Registers a new request; {@code false} when the process is draining and must refuse it. */
    public boolean tryEnter() {
        lock.lock();
        try {
            if (draining.get()) {
                return false;
            }
            inFlight++;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Marks a request registered by {@link #tryEnter()} as finished. */
    public void exit() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight <= 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public int count() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    public boolean isDraining() {
        return draining.get();
    }

    /**
     * Stops accepting requests and waits until those in flight are done or the grace period is over.
     *
     * @return the number of requests still in flight when it returned (0 on a clean drain)
     */
    public int drain(Duration grace) throws InterruptedException {
        draining.set(true);
        long remaining = grace.toNanos();
        lock.lock();
        try {
            while (inFlight > 0 && remaining > 0) {
                remaining = idle.awaitNanos(remaining);
            }
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
