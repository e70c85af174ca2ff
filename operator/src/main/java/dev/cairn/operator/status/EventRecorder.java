package dev.cairn.operator.status;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes core/v1 Events about a platform (kubectl describe msp shows them). A failed write is only logged. */
public final class EventRecorder {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    static final int MAX_MESSAGE = 1024;
    private static final Logger LOG = Logger.getLogger(EventRecorder.class.getName());

    private final KubernetesClient client;
    private final Clock clock;
    private final String instance;

    public EventRecorder(KubernetesClient client, Clock clock, String instance) {
        this.client = client;
        this.clock = clock;
        this.instance = instance;
    }

    public void normal(MicroservicePlatform platform, String reason, String message) {
        record(platform, NORMAL, reason, message);
    }

    public void warning(MicroservicePlatform platform, String reason, String message) {
        record(platform, WARNING, reason, message);
    }

    private void record(MicroservicePlatform platform, String type, String reason, String message) {
        String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
        try {
            client.v1().events().inNamespace(platform.getMetadata().getNamespace()).resource(new EventBuilder()
                    .withNewMetadata()
                        .withName(platform.getMetadata().getName() + "." + UUID.randomUUID().toString().substring(0, 13))
                        .withNamespace(platform.getMetadata().getNamespace())
                    .endMetadata()
                    .withNewInvolvedObject()
                        .withApiVersion(MicroservicePlatform.API_VERSION)
                        .withKind(MicroservicePlatform.KIND)
                        .withName(platform.getMetadata().getName())
                        .withNamespace(platform.getMetadata().getNamespace())
                        .withUid(platform.getMetadata().getUid())
                    .endInvolvedObject()
                    .withType(type)
                    .withReason(reason)
                    .withMessage(text)
                    .withFirstTimestamp(now)
                    .withLastTimestamp(now)
                    .withCount(1)
                    .withNewSource().withComponent("cairn-operator").endSource()
                    .withReportingComponent("cairn-operator")
                    .withReportingInstance(instance)
                    .build()).create();
        } catch (KubernetesClientException e) {
            LOG.log(Level.WARNING, "could not record event " + reason + ": " + e.getMessage());
        }
    }
}
