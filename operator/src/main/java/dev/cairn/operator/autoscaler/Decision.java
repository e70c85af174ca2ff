package dev.cairn.operator.autoscaler;

/**
 * The outcome of one scaling decision.
 *
 * @param from       replicas before
 * @param to         replicas decided
 * @param reason     why, for people (status lastScaleReason, Events)
 * @param panicking  whether panic mode is on
 */
public record Decision(int from, int to, String reason, boolean panicking) {

    public boolean changed() {
        return from != to;
    }

    /** up, down or none: the label of the scale decision metric. */
    public String direction() {
        return to > from ? "up" : to < from ? "down" : "none";
    }
}
