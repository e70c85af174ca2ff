package dev.cairn.commons.logging;

/**
 * A structured field of a log line. Pass fields as log record parameters and {@link JsonLogFormatter} writes each
 * as a top-level JSON property: {@code LOG.log(Level.INFO, "order accepted", LogField.of("orderId", id))}.
 *
 * @param name  JSON property name
 * @param value value (written as JSON number/boolean when it is one, else as its string form)
 */
public record LogField(String name, Object value) {

    public static LogField of(String name, Object value) {
        return new LogField(name, value);
    }
}
