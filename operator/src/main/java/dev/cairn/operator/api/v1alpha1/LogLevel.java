package dev.cairn.operator.api.v1alpha1;

/** Log levels, by their SLF4J names; {@link #julName()} is what java.util.logging (the services) understands. */
public enum LogLevel {
    TRACE("FINEST"),
    DEBUG("FINE"),
    INFO("INFO"),
    WARN("WARNING"),
    ERROR("SEVERE");

    private final String julName;

    LogLevel(String julName) {
        this.julName = julName;
    }

    /** The java.util.logging level name. */
    public String julName() {
        return julName;
    }
}
