package dev.cairn.operator.status;

import dev.cairn.operator.api.v1alpha1.PlatformCondition;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Merges freshly computed conditions into the previous ones: lastTransitionTime moves only when status flips. */
public final class Conditions {

    private Conditions() {
    }

    public static List<PlatformCondition> merge(List<PlatformCondition> previous, List<PlatformCondition> computed,
                                                Instant now, long generation) {
        String timestamp = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
        List<PlatformCondition> merged = new ArrayList<>();
        for (PlatformCondition condition : computed) {
            PlatformCondition before = previous == null ? null : previous.stream()
                    .filter(p -> Objects.equals(p.getType(), condition.getType())).findFirst().orElse(null);
            PlatformCondition next = new PlatformCondition(condition.getType(), "True".equals(condition.getStatus()),
                    condition.getReason(), condition.getMessage());
            next.setObservedGeneration(generation);
            boolean unchanged = before != null && Objects.equals(before.getStatus(), condition.getStatus())
                    && before.getLastTransitionTime() != null;
            next.setLastTransitionTime(unchanged ? before.getLastTransitionTime() : timestamp);
            merged.add(next);
        }
        return merged;
    }
}
