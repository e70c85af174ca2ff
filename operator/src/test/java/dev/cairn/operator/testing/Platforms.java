package dev.cairn.operator.testing;

import dev.cairn.operator.api.v1alpha1.AutoscalingSpec;
import dev.cairn.operator.api.v1alpha1.DatastoreRef;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ScalingMetric;
import dev.cairn.operator.api.v1alpha1.ServiceSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Platforms for tests. */
public final class Platforms {

    private Platforms() {
    }

    /** A platform with the four Cairn services and datastore URLs, not yet on any server (uid set). */
    public static MicroservicePlatform cairn(String name, String namespace) {
        MicroservicePlatform platform = new MicroservicePlatform();
        platform.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withUid(UUID.randomUUID().toString()).withGeneration(1L).build());
        platform.getSpec().setVersion("1.2.3");
        platform.getSpec().setServices(new ArrayList<>(List.of(
                service("user-service", 8081, "/api/v1/users"),
                service("product-service", 8083, "/api/v1/products"),
                service("order-service", 8082, "/api/v1/orders"),
                service("analytics-service", 8084, "/api/v1/analytics"))));
        platform.getSpec().getDatastores().setPostgres(new DatastoreRef("jdbc:postgresql://postgres:5432/"));
        platform.getSpec().getDatastores().setMongo(new DatastoreRef("mongodb://mongo:27017"));
        platform.getSpec().getDatastores().setRedis(new DatastoreRef("redis://redis:6379"));
        platform.getSpec().getDatastores().setRabbitmq(new DatastoreRef("amqp://rabbit:5672"));
        platform.getSpec().getDatastores().setKafka(new DatastoreRef("kafka:9092"));
        platform.getSpec().getObservability().setOtlpEndpoint("http://collector:4317");
        return platform;
    }

    public static ServiceSpec service(String name, int port, String routePrefix) {
        ServiceSpec service = new ServiceSpec();
        service.setName(name);
        service.setPort(port);
        service.setRoutePrefix(routePrefix);
        return service;
    }

    public static AutoscalingSpec autoscaling(ScalingMetric metric, double target, int min, int max) {
        AutoscalingSpec scaling = new AutoscalingSpec();
        scaling.setEnabled(true);
        scaling.setMetric(metric);
        scaling.setTarget(target);
        scaling.setMinReplicas(min);
        scaling.setMaxReplicas(max);
        return scaling;
    }

    /** A unique namespace name for one test. */
    public static String namespace() {
        return "ns-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
