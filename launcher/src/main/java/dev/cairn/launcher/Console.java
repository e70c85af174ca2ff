package dev.cairn.launcher;

import java.io.PrintStream;

/** The launcher's own lines on the console, marked so they stand out from the processes' logs. */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void say(String line) {
        out.println("cairn             | " + line);
    }

    PrintStream stream() {
        return out;
    }
}
