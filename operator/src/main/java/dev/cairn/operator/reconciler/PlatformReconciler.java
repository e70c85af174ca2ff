package dev.cairn.operator.reconciler;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.model.Labels;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;

import java.time.Duration;
import java.util.List;

/**
 * The java-operator-sdk entry point: one reconciliation per platform event, plus one whenever a Deployment the
 * operator owns changes (so the status follows rollouts and scaling). The work is done by {@link PlatformSync}, which
 * writes the status itself, only when it changed.
 */
public final class PlatformReconciler implements Reconciler<MicroservicePlatform> {

    /** While not Ready, look again this often even without events (a stuck rollout, a Secret fixed by hand). */
    static final Duration UNSETTLED_RECHECK = Duration.ofSeconds(30);

    private final PlatformSync sync;

    public PlatformReconciler(PlatformSync sync) {
        this.sync = sync;
    }

    @Override
    public UpdateControl<MicroservicePlatform> reconcile(MicroservicePlatform platform,
                                                         Context<MicroservicePlatform> context) {
        PlatformSync.Outcome outcome = sync.sync(platform);
        UpdateControl<MicroservicePlatform> control = UpdateControl.noUpdate();
        return outcome.settled() ? control : control.rescheduleAfter(UNSETTLED_RECHECK);
    }

    @Override
    public List<EventSource<?, MicroservicePlatform>> prepareEventSources(
            EventSourceContext<MicroservicePlatform> context) {
        var deployments = InformerEventSourceConfiguration.from(Deployment.class, MicroservicePlatform.class)
                .withName("deployments")
                .withLabelSelector(Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE)
                .build();
        return List.of(new InformerEventSource<>(deployments, context));
    }
}
