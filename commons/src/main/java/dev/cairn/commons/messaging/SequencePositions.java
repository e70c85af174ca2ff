package dev.cairn.commons.messaging;

/**
 * Where an ordered consumer keeps, per aggregate, the sequence of the last event it applied. Shared by every instance
 * of the consumer, so competing instances agree on what comes next.
 */
public interface SequencePositions {

    /** The sequence of the last applied event of {@code aggregate}; 0 when none was. */
    long last(String aggregate);

    /** Records that the event at {@code sequence} of {@code aggregate} was applied (never moves backwards). */
    void advance(String aggregate, long sequence);
}
