package dev.cairn.order.domain;

/** A command the order's current status does not allow (e.g. shipping a cancelled order). */
public class InvalidTransitionException extends RuntimeException {

    public InvalidTransitionException(String message) {
        super(message, null, false, false);
    }
}
