package dev.cairn.operator.reconciler;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatformStatus;
import dev.cairn.operator.autoscaler.Autoscaler;
import dev.cairn.operator.autoscaler.ScalingActivity;
import dev.cairn.operator.model.Component;
import dev.cairn.operator.model.Components;
import dev.cairn.operator.model.DesiredState;
import dev.cairn.operator.model.Labels;
import dev.cairn.operator.model.SpecValidator;
import dev.cairn.operator.runtime.OperatorMetrics;
import dev.cairn.operator.status.EventRecorder;
import dev.cairn.operator.status.StatusCalculator;
import dev.cairn.operator.status.StatusCalculator.Failure;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * One reconciliation of a platform, independent of the operator framework: validate, make sure the auth key exists,
 * apply the desired objects and prune the rest, then write the status if (and only if) it changed.
 */
public final class PlatformSync {

    private static final Logger LOG = Logger.getLogger(PlatformSync.class.getName());
    private static final int MAX_LISTED = 12;

    private final KubernetesClient client;
    private final ResourceApplier applier;
    private final AuthKeySecrets authKeys;
    private final EventRecorder events;
    private final ScalingActivity activity;
    private final Autoscaler autoscaler;
    private final OperatorMetrics metrics;
    private final Clock clock;

    public PlatformSync(KubernetesClient client, EventRecorder events, ScalingActivity activity, Autoscaler autoscaler,
                        OperatorMetrics metrics, Clock clock) {
        this.client = client;
        this.applier = new ResourceApplier(client, metrics);
        this.authKeys = new AuthKeySecrets(client);
        this.events = events;
        this.activity = activity;
        this.autoscaler = autoscaler;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The outcome: the status now on the server and whether the platform wants another look soon. */
    public record Outcome(MicroservicePlatformStatus status, boolean statusWritten, boolean settled) {
    }

    public Outcome sync(MicroservicePlatform platform) {
        Instant started = clock.instant();
        boolean success = false;
        try {
            Optional<Failure> failure = applyAll(platform);
            Outcome outcome = writeStatus(platform, failure);
            success = failure.isEmpty() || "InvalidSpec".equals(failure.get().reason());
            return outcome;
        } finally {
            metrics.reconciled(Duration.between(started, clock.instant()), success);
        }
    }

    private Optional<Failure> applyAll(MicroservicePlatform platform) {
        List<String> problems = SpecValidator.problems(platform);
        if (!problems.isEmpty()) {
            return Optional.of(new Failure("InvalidSpec", String.join("; ", problems)));
        }
        try {
            authKeys.ensure(platform).ifPresent(secret -> events.normal(platform, "Created",
                    "generated the token signing key into Secret " + secret.getMetadata().getName()));
            List<HasMetadata> desired = DesiredState.of(platform);
            ApplyResult result = applier.apply(platform, desired);
            report(platform, result);
            if (Components.of(platform).stream().anyMatch(Component::scaledByOperator)) {
                autoscaler.track(platform);
            }
            return authKeys.problem(platform).map(p -> new Failure("AuthKeyInvalid", p));
        } catch (KubernetesClientException e) {
            LOG.log(Level.WARNING, "applying " + platform.getMetadata().getName() + " failed: " + e.getMessage(), e);
            events.warning(platform, "ApplyFailed", e.getMessage());
            return Optional.of(new Failure("ApplyFailed", Objects.requireNonNullElse(e.getMessage(),
                    e.getClass().getSimpleName())));
        }
    }

    private void report(MicroservicePlatform platform, ApplyResult result) {
        if (!result.created().isEmpty()) {
            events.normal(platform, "Created", "created " + listed(result.created()));
        }
        if (!result.updated().isEmpty()) {
            events.normal(platform, "Updated", "updated " + listed(result.updated()));
        }
        if (!result.pruned().isEmpty()) {
            events.normal(platform, "Pruned", "deleted, no longer in the spec: " + listed(result.pruned()));
        }
        if (result.wroteAnything()) {
            LOG.log(Level.INFO, "applied", new Object[] {Map.of("platform", platform.getMetadata().getName(),
                    "created", result.created().size(), "updated", result.updated().size(),
                    "pruned", result.pruned().size(), "unchanged", result.unchanged())});
        }
    }

    private static String listed(List<String> ids) {
        return ids.size() <= MAX_LISTED ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, MAX_LISTED)) + " and " + (ids.size() - MAX_LISTED) + " more";
    }

    private Outcome writeStatus(MicroservicePlatform platform, Optional<Failure> failure) {
        Map<String, Deployment> deployments = client.apps().deployments()
                .inNamespace(platform.getMetadata().getNamespace()).withLabels(Labels.managedBy(platform)).list()
                .getItems().stream().collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity()));
        MicroservicePlatformStatus status = StatusCalculator.compute(platform, deployments, activity, failure,
                clock.instant());
        boolean settled = status.getPhase() == dev.cairn.operator.api.v1alpha1.Phase.Ready;
        if (status.equals(platform.getStatus())) {
            return new Outcome(status, false, settled);
        }
        MicroservicePlatform patch = new MicroservicePlatform();
        patch.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName(platform.getMetadata().getName())
                .withNamespace(platform.getMetadata().getNamespace()).build());
        patch.setSpec(null);
        patch.setStatus(status);
        client.resource(patch).patchStatus();
        if (failure.isPresent() && (platform.getStatus() == null
                || platform.getStatus().condition("Degraded").map(c -> !"True".equals(c.getStatus())).orElse(true))) {
            events.warning(platform, failure.get().reason(), failure.get().message());
        }
        return new Outcome(status, true, settled);
    }
}
