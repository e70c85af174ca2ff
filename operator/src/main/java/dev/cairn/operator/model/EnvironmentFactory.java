package dev.cairn.operator.model;

import dev.cairn.operator.api.v1alpha1.AuthSpec;
import dev.cairn.operator.api.v1alpha1.DatastoreRef;
import dev.cairn.operator.api.v1alpha1.DatastoresSpec;
import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.api.v1alpha1.ObservabilitySpec;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The environment of a component's container, with the variable names the Cairn processes read (README.md,
 * "Configuration"): datastores, token issuer and keys, the other services' URLs, tracing, the gateway's route table.
 */
public final class EnvironmentFactory {

    /** Where the gateway's route table ConfigMap is mounted. */
    public static final String ROUTES_DIR = "/etc/cairn/gateway";
    public static final String ROUTES_FILE = "routes.yaml";
    /** The user service issues tokens: it gets the signing key, the others its JWKS URL. */
    public static final String TOKEN_ISSUER_SERVICE = "user-service";
    static final String DEFAULT_DATASTORE_SECRET_KEY = "url";
    static final String JVM_OPTIONS = "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError";

    /** The URL variables the gateway's built-in table and the order service read, by service name. */
    private static final Map<String, String> SERVICE_URL_VARIABLES = Map.of(
            "user-service", "CAIRN_USERS_URL",
            "order-service", "CAIRN_ORDERS_URL",
            "product-service", "CAIRN_PRODUCTS_URL",
            "analytics-service", "CAIRN_ANALYTICS_URL");

    private EnvironmentFactory() {
    }

    /** Generated variables first, in a stable order; the spec's own variables replace ones of the same name. */
    public static List<EnvVar> forComponent(MicroservicePlatform platform, Component component) {
        Map<String, EnvVar> env = new LinkedHashMap<>();
        put(env, "SERVER_PORT", String.valueOf(component.port()));
        put(env, "CAIRN_SERVICE_NAME", component.name());
        put(env, "JAVA_TOOL_OPTIONS", JVM_OPTIONS);
        datastores(platform, component, env);
        auth(platform, component, env);
        serviceUrls(platform, env);
        observability(platform, env);
        if (component.isGateway()) {
            put(env, "CAIRN_GATEWAY_ROUTES_FILE", ROUTES_DIR + "/" + ROUTES_FILE);
        }
        for (EnvVar extra : component.extraEnv()) {
            env.remove(extra.getName());
            env.put(extra.getName(), extra);
        }
        return new ArrayList<>(env.values());
    }

    private static void datastores(MicroservicePlatform platform, Component component, Map<String, EnvVar> env) {
        DatastoresSpec stores = Objects.requireNonNullElseGet(platform.getSpec().getDatastores(), DatastoresSpec::new);
        if (!component.isGateway()) {
            datastore(env, "CAIRN_POSTGRES_URL", stores.getPostgres());
            datastore(env, "CAIRN_MONGO_URI", stores.getMongo());
        }
        // The gateway keeps shared rate limits and its response cache in Redis.
        datastore(env, "CAIRN_REDIS_URL", stores.getRedis());
        if (!component.isGateway()) {
            datastore(env, "CAIRN_RABBITMQ_URL", stores.getRabbitmq());
            datastore(env, "CAIRN_KAFKA_BOOTSTRAP", stores.getKafka());
        }
    }

    private static void datastore(Map<String, EnvVar> env, String name, DatastoreRef ref) {
        if (ref == null) {
            return;
        }
        if (ref.getUrl() != null && !ref.getUrl().isBlank()) {
            put(env, name, ref.getUrl());
        } else if (ref.getSecretRef() != null && ref.getSecretRef().getName() != null) {
            String key = ref.getSecretRef().getKey() == null ? DEFAULT_DATASTORE_SECRET_KEY : ref.getSecretRef().getKey();
            env.put(name, new EnvVarBuilder().withName(name).withNewValueFrom().withNewSecretKeyRef()
                    .withName(ref.getSecretRef().getName()).withKey(key).endSecretKeyRef().endValueFrom().build());
        }
    }

    private static void auth(MicroservicePlatform platform, Component component, Map<String, EnvVar> env) {
        AuthSpec auth = Objects.requireNonNullElseGet(platform.getSpec().getAuth(), AuthSpec::new);
        put(env, "CAIRN_AUTH_ISSUER", Objects.requireNonNullElse(auth.getIssuer(), AuthSpec.DEFAULT_ISSUER));
        if (TOKEN_ISSUER_SERVICE.equals(component.name())) {
            env.put("CAIRN_AUTH_SIGNING_KEY", new EnvVarBuilder().withName("CAIRN_AUTH_SIGNING_KEY")
                    .withNewValueFrom().withNewSecretKeyRef()
                    .withName(ObjectNames.authKeySecret(platform)).withKey(ObjectNames.authKeySecretKey(platform))
                    .endSecretKeyRef().endValueFrom().build());
            return;
        }
        Components.named(platform, TOKEN_ISSUER_SERVICE).ifPresent(issuer -> put(env, "CAIRN_AUTH_JWKS_URL",
                "http://" + issuer.objectName() + ":" + issuer.port() + "/.well-known/jwks.json"));
    }

    private static void serviceUrls(MicroservicePlatform platform, Map<String, EnvVar> env) {
        for (Component other : Components.of(platform)) {
            String variable = SERVICE_URL_VARIABLES.get(other.name());
            if (variable != null) {
                put(env, variable, "http://" + other.objectName() + ":" + other.port());
            }
        }
    }

    private static void observability(MicroservicePlatform platform, Map<String, EnvVar> env) {
        ObservabilitySpec observability = platform.getSpec().getObservability();
        if (observability == null) {
            return;
        }
        if (observability.getOtlpEndpoint() != null && !observability.getOtlpEndpoint().isBlank()) {
            put(env, "CAIRN_OTLP_ENDPOINT", observability.getOtlpEndpoint());
        }
        if (observability.getLogLevel() != null) {
            put(env, "CAIRN_LOG_LEVEL", observability.getLogLevel().name());
        }
    }

    private static void put(Map<String, EnvVar> env, String name, String value) {
        env.put(name, new EnvVarBuilder().withName(name).withValue(value).build());
    }
}
