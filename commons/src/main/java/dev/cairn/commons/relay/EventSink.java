package dev.cairn.commons.relay;

import java.util.List;

/** A broker the relay publishes to. {@link #publish} returns only when the broker confirmed every event. */
public interface EventSink extends AutoCloseable {

    /** Publishes the events in order and waits for the broker's confirmation; throws when any is not confirmed. */
    void publish(List<PendingEvent> events) throws Exception;

    /** A short name for logs and metrics, e.g. {@code rabbitmq}. */
    String name();

    @Override
    void close();
}
