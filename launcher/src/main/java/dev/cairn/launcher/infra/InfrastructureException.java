package dev.cairn.launcher.infra;

/** A datastore or broker that Cairn needs cannot be had; the message says what to do. */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }

    public InfrastructureException(String message, Throwable cause) {
        super(message, cause);
    }
}
