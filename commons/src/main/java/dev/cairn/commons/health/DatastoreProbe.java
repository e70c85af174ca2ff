package dev.cairn.commons.health;

import java.time.Duration;

/** Checks that one datastore or broker answers. Implementations keep their client open between checks. */
public interface DatastoreProbe extends AutoCloseable {

    /** Short name shown in the readiness response, e.g. {@code postgres}. */
    String name();

    /**
     * Checks the datastore within {@code timeout}.
     *
     * @return {@code null} when it answered, else a one-line description of the failure
     * @throws Exception when the check itself failed (treated as DOWN with the exception's message)
     */
    String check(Duration timeout) throws Exception;

    @Override
    default void close() {
    }
}
