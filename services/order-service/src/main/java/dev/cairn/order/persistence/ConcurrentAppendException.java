package dev.cairn.order.persistence;

/** Another writer appended to the aggregate at the same sequence first; reload and decide again. */
public class ConcurrentAppendException extends RuntimeException {

    public ConcurrentAppendException(String aggregateId, long sequence) {
        super("Aggregate " + aggregateId + " already has an event at sequence " + sequence, null, false, false);
    }
}
