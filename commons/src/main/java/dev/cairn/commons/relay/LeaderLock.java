package dev.cairn.commons.relay;

/**
 * Makes one instance of a service the publisher of its outbox, so several instances neither publish an event twice
 * at once nor reorder an aggregate's events.
 */
public interface LeaderLock extends AutoCloseable {

    /** Whether this instance holds (or just took) the lock; cheap when already held. */
    boolean acquire();

    @Override
    void close();
}
