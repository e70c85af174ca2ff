package dev.cairn.operator.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * The operator's own metrics, served at /metrics on the health port: {@code cairn_operator_reconciles_total{result}},
 * {@code cairn_operator_reconcile_seconds}, {@code cairn_operator_reconcile_errors_total},
 * {@code cairn_operator_applied_objects_total{kind, action}} and
 * {@code cairn_operator_scale_decisions_total{component, direction}}.
 */
public final class OperatorMetrics {

    private final MeterRegistry registry;
    private final Timer reconcileTimer;
    private final Counter errors;

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.reconcileTimer = Timer.builder("cairn.operator.reconcile")
                .description("Time to reconcile one MicroservicePlatform")
                .serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5))
                .register(registry);
        this.errors = Counter.builder("cairn.operator.reconcile.errors")
                .description("Reconciliations that failed").register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Records a finished reconciliation. */
    public void reconciled(Duration duration, boolean success) {
        reconcileTimer.record(duration);
        Counter.builder("cairn.operator.reconciles").description("Reconciliations by result")
                .tag("result", success ? "success" : "error").register(registry).increment();
        if (!success) {
            errors.increment();
        }
    }

    /** Records an object the reconciler created, updated or pruned. */
    public void applied(String kind, String action) {
        Counter.builder("cairn.operator.applied.objects").description("Objects written by the reconciler")
                .tag("kind", kind).tag("action", action).register(registry).increment();
    }

    /** Records a scaling decision that changed replicas. */
    public void scaleDecision(String component, String direction) {
        Counter.builder("cairn.operator.scale.decisions").description("Scaling decisions that changed replicas")
                .tag("component", component).tag("direction", direction).register(registry).increment();
    }
}
