package dev.cairn.operator.bench;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.autoscaler.Autoscaler;
import dev.cairn.operator.autoscaler.ScalingActivity;
import dev.cairn.operator.reconciler.PlatformSync;
import dev.cairn.operator.runtime.OperatorConfig;
import dev.cairn.operator.runtime.OperatorMetrics;
import dev.cairn.operator.runtime.OperatorRuntime;
import dev.cairn.operator.status.EventRecorder;
import dev.cairn.operator.testing.LoadGenerator;
import dev.cairn.operator.testing.MockKubernetes;
import dev.cairn.operator.testing.Platforms;
import dev.cairn.operator.testing.Pods;
import dev.cairn.operator.testing.StubService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The operator's timings for {@code ./cairn bench operator} (bench/OperatorTimings runs this in its own JVM with
 * the operator's test classpath): the whole operator (java-operator-sdk, informers, reconciler) against the fabric8
 * mock API server, and the autoscaler loop against a stub pod. Prints one {@code RESULT <figure> <millis>} line per
 * measurement, {@code WRITES <figure> <count>} (API writes) and {@code RECONCILE <figure> <count> <mean millis>}
 * (the operator's own reconcile timer), and {@code RESULT keygen <millis>} for one RSA-2048 key pair, which the
 * operator generates once per new platform for its token-signing Secret.
 *
 * <p>Arguments: {@code <rounds> <platforms> <autoscaler interval seconds...>}.
 */
public final class OperatorBenchmark {

    private static final int DEPLOYMENTS_PER_PLATFORM = 5;

    private OperatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int platforms = Integer.parseInt(args[1]);
        createToApplied(1, 1, "warmup");
        for (int round = 1; round <= Math.max(3, rounds); round++) {
            long started = System.nanoTime();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            generator.generateKeyPair();
            System.out.printf("RESULT keygen %.3f%n", (System.nanoTime() - started) / 1e6);
        }
        for (int round = 1; round <= rounds; round++) {
            createToApplied(1, round, "create-1");
            createToApplied(platforms, round, "create-" + platforms);
        }
        for (int i = 2; i < args.length; i++) {
            Duration interval = Duration.ofSeconds(Long.parseLong(args[i]));
            for (int round = 1; round <= rounds; round++) {
                autoscalerReaction(interval, "scale-" + interval.toSeconds() + "s");
            }
        }
        System.exit(0);
    }

    /** Creates {@code count} platforms at once; the time until every one has all its objects and a status. */
    private static void createToApplied(int count, int round, String figure) throws Exception {
        String namespace = Platforms.namespace();
        try (MockKubernetes kubernetes = MockKubernetes.start();
             OperatorRuntime runtime = OperatorRuntime.start(new OperatorConfig(Set.of(namespace), 0, false,
                     "cairn-operator", "", Duration.ofSeconds(5), "bench"), kubernetes.client(), Clock.systemUTC())) {
            KubernetesClient client = kubernetes.client();
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                MicroservicePlatform platform = Platforms.cairn("shop-" + i, namespace);
                platform.getMetadata().setUid(null);
                client.resource(platform).create();
            }
            long deadline = started + Duration.ofMinutes(3).toNanos();
            while (true) {
                long reconciled = client.resources(MicroservicePlatform.class).inNamespace(namespace).list().getItems()
                        .stream().filter(p -> p.getStatus() != null && p.getStatus().getPhase() != null).count();
                if (reconciled == count && client.apps().deployments().inNamespace(namespace).list().getItems().size()
                        == count * DEPLOYMENTS_PER_PLATFORM) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(figure + ": only " + reconciled + " of " + count + " reconciled");
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            long elapsed = System.nanoTime() - started;
            System.out.printf("RESULT %s %.3f%n", figure, elapsed / 1e6);
            System.out.printf("WRITES %s %d%n", figure, kubernetes.writes().size());
            Timer reconciles = runtime.registry().find("cairn.operator.reconcile").timer();
            if (reconciles != null && reconciles.count() > 0) {
                System.out.printf("RECONCILE %s %d %.3f%n", figure, reconciles.count(),
                        reconciles.mean(TimeUnit.MILLISECONDS));
            }
        }
    }

    /**
     * A product-service pod (stub) with RPS autoscaling (target 10/s, 1..4 replicas) idles for one round, then load
     * starts; the time from the load step until the Deployment's replicas go up.
     */
    private static void autoscalerReaction(Duration interval, String figure) throws Exception {
        String namespace = Platforms.namespace();
        try (MockKubernetes kubernetes = MockKubernetes.start(); StubService stub = new StubService()) {
            KubernetesClient client = kubernetes.client();
            OperatorMetrics metrics = new OperatorMetrics(new SimpleMeterRegistry());
            EventRecorder events = new EventRecorder(client, Clock.systemUTC(), "bench");
            ScalingActivity activity = new ScalingActivity();
            try (Autoscaler autoscaler = new Autoscaler(client, activity, events, metrics, Clock.systemUTC(), interval)) {
                MicroservicePlatform spec = Platforms.cairn("shop", namespace);
                spec.getSpec().getServices().get(1).setAutoscaling(Platforms.autoscaling(ScalingMetric.RPS, 10, 1, 4));
                spec.getMetadata().setUid(null);
                MicroservicePlatform platform = client.resource(spec).create();
                new PlatformSync(client, events, activity, autoscaler, metrics, Clock.systemUTC()).sync(platform);
                Pods.runningAt(client, namespace, "shop-product-service-abc12-xyz34",
                        Map.of("app.kubernetes.io/name", "product-service", "app.kubernetes.io/instance", "shop"), stub);
                autoscaler.start();
                // one round of the loop (at one interval) takes the counter's baseline; the step comes a third of an interval later
                LockSupport.parkNanos(interval.plusMillis(interval.toMillis() / 3).toNanos());
                long step = System.nanoTime();
                try (LoadGenerator load = new LoadGenerator("http://127.0.0.1:" + stub.port() + "/api/v1/products", 2)) {
                    long deadline = step + interval.multipliedBy(10).toNanos();
                    while (replicas(client, namespace) <= 1) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException(figure + ": no scale-up within 10 intervals");
                        }
                        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                    }
                    System.out.printf("RESULT %s %.3f%n", figure, (System.nanoTime() - step) / 1e6);
                }
            }
        }
    }

    private static int replicas(KubernetesClient client, String namespace) {
        var deployment = client.apps().deployments().inNamespace(namespace).withName("shop-product-service").get();
        Integer replicas = deployment == null ? null : deployment.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }
}
