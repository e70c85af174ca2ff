package dev.cairn.operator.reconciler;

import java.util.ArrayList;
import java.util.List;

/** What one apply round wrote: objects as {@code Kind/name}. */
public record ApplyResult(List<String> created, List<String> updated, List<String> pruned, int unchanged) {

    static ApplyResult empty() {
        return new ApplyResult(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
    }

    ApplyResult withUnchanged(int count) {
        return new ApplyResult(created, updated, pruned, count);
    }

    public boolean wroteAnything() {
        return !created.isEmpty() || !updated.isEmpty() || !pruned.isEmpty();
    }
}
