package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A component's Deployment: probes on /health, hardened pod, Prometheus annotations, zero-downtime rollouts. */
public final class DeploymentFactory {

    public static final String HTTP_PORT_NAME = "http";
    public static final String LIVENESS_PATH = "/health/live";
    public static final String READINESS_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";
    /** The UID and GID of the Cairn images' user. */
    public static final long RUN_AS = 10001L;
    static final String TMP_VOLUME = "tmp";
    static final String ROUTES_VOLUME = "routes";

    private DeploymentFactory() {
    }

    public static Deployment build(MicroservicePlatform platform, Component component) {
        Map<String, String> labels = Labels.of(platform, component);
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata()
                    .withName(component.objectName())
                    .withNamespace(platform.getMetadata().getNamespace())
                    .withLabels(labels)
                    .withOwnerReferences(OwnerReferences.controller(platform))
                .endMetadata()
                .withNewSpec()
                    .withRevisionHistoryLimit(5)
                    .withNewSelector().withMatchLabels(Labels.selector(platform, component)).endSelector()
                    .withNewStrategy()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                            .withMaxSurge(new IntOrString("25%"))
                            .withMaxUnavailable(new IntOrString(0))
                        .endRollingUpdate()
                    .endStrategy()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(labels)
                            .withAnnotations(prometheusAnnotations(component))
                        .endMetadata()
                        .withNewSpec()
                            .withAutomountServiceAccountToken(false)
                            .withEnableServiceLinks(false)
                            .withTerminationGracePeriodSeconds(30L)
                            .withSecurityContext(podSecurityContext())
                            .withContainers(container(platform, component))
                            .withVolumes(volumes(platform, component))
                            .addNewTopologySpreadConstraint()
                                .withMaxSkew(1)
                                .withTopologyKey("kubernetes.io/hostname")
                                .withWhenUnsatisfiable("ScheduleAnyway")
                                .withNewLabelSelector().withMatchLabels(Labels.selector(platform, component))
                                .endLabelSelector()
                            .endTopologySpreadConstraint()
                        .endSpec()
                    .endTemplate()
                .endSpec();
        // With autoscaling on, replicas belong to the autoscaler (or the HPA); leaving the field out of the apply
        // means server-side apply never resets it.
        if (!component.autoscaled()) {
            builder.editSpec().withReplicas(component.replicas()).endSpec();
        }
        return builder.build();
    }

    static Map<String, String> prometheusAnnotations(Component component) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("prometheus.io/scrape", "true");
        annotations.put("prometheus.io/port", String.valueOf(component.port()));
        annotations.put("prometheus.io/path", METRICS_PATH);
        return annotations;
    }

    static Container container(MicroservicePlatform platform, Component component) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder().withName(TMP_VOLUME).withMountPath("/tmp").build());
        if (component.isGateway()) {
            mounts.add(new VolumeMountBuilder().withName(ROUTES_VOLUME).withMountPath(EnvironmentFactory.ROUTES_DIR)
                    .withReadOnly(true).build());
        }
        return new ContainerBuilder()
                .withName(component.name())
                .withImage(component.image())
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName(HTTP_PORT_NAME).withContainerPort(component.port()).withProtocol("TCP").endPort()
                .withEnv(EnvironmentFactory.forComponent(platform, component))
                .withResources(component.resources())
                .withStartupProbe(probe(LIVENESS_PATH, 2, 60))
                .withLivenessProbe(probe(LIVENESS_PATH, 10, 3))
                .withReadinessProbe(probe(READINESS_PATH, 5, 3))
                .withSecurityContext(containerSecurityContext())
                .withVolumeMounts(mounts)
                .build();
    }

    static Probe probe(String path, int periodSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString(HTTP_PORT_NAME)).endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    static PodSecurityContext podSecurityContext() {
        return new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS)
                .withRunAsGroup(RUN_AS)
                .withFsGroup(RUN_AS)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                .build();
    }

    static SecurityContext containerSecurityContext() {
        return new SecurityContextBuilder()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities()
                .build();
    }

    static List<Volume> volumes(MicroservicePlatform platform, Component component) {
        List<Volume> volumes = new ArrayList<>();
        // The root file system is read-only; the JVM and the user service's JWKS file need a writable /tmp.
        volumes.add(new VolumeBuilder().withName(TMP_VOLUME).withNewEmptyDir().withSizeLimit(new Quantity("256Mi"))
                .endEmptyDir().build());
        if (component.isGateway()) {
            volumes.add(new VolumeBuilder().withName(ROUTES_VOLUME).withNewConfigMap()
                    .withName(ObjectNames.gatewayRoutes(platform)).endConfigMap().build());
        }
        return volumes;
    }
}
