package dev.cairn.operator.reconciler;

import dev.cairn.operator.api.v1alpha1.MicroservicePlatform;
import dev.cairn.operator.model.Labels;
import dev.cairn.operator.model.ObjectNames;
import dev.cairn.operator.model.OwnerReferences;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The Secret with the RSA key the user service signs tokens with. Created with a fresh key only when it does not
 * exist; an existing Secret is never written, so the key is not rotated by a reconcile, a restart or a spec change.
 */
public final class AuthKeySecrets {

    public static final String GENERATED_ANNOTATION = "cairn.dev/generated-by";

    private final KubernetesClient client;

    public AuthKeySecrets(KubernetesClient client) {
        this.client = client;
    }

    /** Creates the Secret when absent; returns it when it was created now. */
    public Optional<Secret> ensure(MicroservicePlatform platform) {
        String namespace = platform.getMetadata().getNamespace();
        String name = ObjectNames.authKeySecret(platform);
        if (client.secrets().inNamespace(namespace).withName(name).get() != null) {
            return Optional.empty();
        }
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(Labels.ofPlatform(platform))
                    .addToAnnotations(GENERATED_ANNOTATION, "cairn-operator")
                    .withOwnerReferences(OwnerReferences.controller(platform))
                .endMetadata()
                .withType("Opaque")
                .addToStringData(ObjectNames.authKeySecretKey(platform), generatePem())
                .build();
        try {
            return Optional.of(client.secrets().inNamespace(namespace).resource(secret).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Whether the Secret exists and has the key the user service will read. */
    public Optional<String> problem(MicroservicePlatform platform) {
        Secret secret = client.secrets().inNamespace(platform.getMetadata().getNamespace())
                .withName(ObjectNames.authKeySecret(platform)).get();
        String key = ObjectNames.authKeySecretKey(platform);
        if (secret == null) {
            return Optional.of("Secret " + ObjectNames.authKeySecret(platform) + " does not exist");
        }
        boolean present = (secret.getData() != null && secret.getData().containsKey(key))
                || (secret.getStringData() != null && secret.getStringData().containsKey(key));
        return present ? Optional.empty()
                : Optional.of("Secret " + secret.getMetadata().getName() + " has no key " + key
                        + " (spec.auth.keySecretRef.key)");
    }

    static String generatePem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
