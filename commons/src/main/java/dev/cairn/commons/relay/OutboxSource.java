package dev.cairn.commons.relay;

import java.util.List;

/** Where a service keeps the events it has not published yet (a table, an event store, documents). */
public interface OutboxSource {

    /** The next events to publish, oldest first and in sequence order per aggregate; at most {@code max}. */
    List<PendingEvent> next(int max) throws Exception;

    /** Records that these events were confirmed by every broker, so they are never sent again. */
    void published(List<PendingEvent> events) throws Exception;

    /** How many events wait to be published now (the outbox backlog). */
    long backlog() throws Exception;
}
