package dev.cairn.operator.runtime;

import java.util.logging.LogManager;

/**
 * The JDK's LogManager closes every handler from its own shutdown hook, so whatever the operator logs while it
 * stops would be lost. This one ignores that reset until {@link #resetFinally()} is called at the very end.
 */
public final class OperatorLogManager extends LogManager {

    private static volatile boolean resetDeferred;

    /** From now on, resets wait for {@link #resetFinally()}. */
    public static void deferReset() {
        resetDeferred = true;
    }

    @Override
    public void reset() {
        if (!resetDeferred) {
            super.reset();
        }
    }

    /** Flushes and closes the handlers; the last thing the shutdown hook does. */
    public static void resetFinally() {
        resetDeferred = false;
        LogManager.getLogManager().reset();
    }
}
