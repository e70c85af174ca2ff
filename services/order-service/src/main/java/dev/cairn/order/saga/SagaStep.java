package dev.cairn.order.saga;

/**
 * The steps of the order saga, in order; a failure in any step jumps to {@link #COMPENSATE}, which undoes what was
 * done (refund or void the payment, release the stock) and rejects the order.
 */
public enum SagaStep {
    /** Snapshot the current prices from the product service. */
    PRICE,
    /** Reserve stock for every line (all or nothing). */
    RESERVE,
    /** Authorise the payment. */
    PAY,
    /** Capture the authorised payment. */
    CAPTURE,
    /** Append {@code order.paid}: the order is CONFIRMED. */
    CONFIRM,
    /** Undo: refund or void, release stock, reject (unless the order was cancelled). */
    COMPENSATE,
    /** Nothing left to do. */
    COMPLETED
}
