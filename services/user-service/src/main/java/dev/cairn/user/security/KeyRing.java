package dev.cairn.user.security;

import dev.cairn.commons.config.ConfigurationException;
import dev.cairn.commons.json.Json;
import dev.cairn.user.persistence.SigningKeyEntity;
import dev.cairn.user.persistence.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The issuer's keys. The signing key comes from config ({@code cairn.auth.signing-key} PEM text or
 * {@code cairn.auth.signing-key-file}); without one, the service generates an RSA-2048 key once and keeps it in its
 * database, so every replica and every restart signs with the same key. {@code cairn.auth.previous-key} /
 * {@code cairn.auth.previous-key-file} add a verification-only key during a rotation. All keys are published in the
 * JWKS, which is also written to {@code cairn.auth.jwks-file} for the service's own MicroProfile JWT checks.
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    private final Config config;
    private final AuthSettings settings;
    private final SigningKeyRepository generatedKeys;
    private final Clock clock;
    private volatile SigningKey signingKey;
    private volatile List<SigningKey> publishedKeys = List.of();

    @Inject
    public KeyRing(Config config, AuthSettings settings, SigningKeyRepository generatedKeys, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.generatedKeys = generatedKeys;
        this.clock = clock;
    }

    /** Loads (or generates) the keys and writes the JWKS file; called once at startup. */
    public void load() {
        List<SigningKey> keys = new ArrayList<>();
        Optional<String> configured = pem("cairn.auth.signing-key", "cairn.auth.signing-key-file");
        if (configured.isPresent()) {
            keys.add(SigningKey.of(PemKeys.privateKey(configured.get(), "cairn.auth.signing-key")));
        } else {
            for (SigningKeyEntity stored : generatedKeys.loadOrCreate(this::generate)) {
                keys.add(SigningKey.of(PemKeys.privateKey(stored.privateKeyPem(), "signing_keys." + stored.kid())));
            }
        }
        pem("cairn.auth.previous-key", "cairn.auth.previous-key-file")
                .map(text -> SigningKey.verificationOnly(PemKeys.publicKey(text, "cairn.auth.previous-key")))
                .filter(previous -> keys.stream().noneMatch(key -> key.kid().equals(previous.kid())))
                .ifPresent(keys::add);
        this.signingKey = keys.getFirst();
        this.publishedKeys = List.copyOf(keys);
        writeJwksFile(settings.jwksFile());
        LOG.info(() -> "Signing tokens with key " + signingKey.kid() + " (" + (configured.isPresent() ? "configured" : "generated")
                + "); publishing " + publishedKeys.size() + " key(s)");
    }

    /** The key new tokens are signed with. */
    public SigningKey signingKey() {
        if (signingKey == null) {
            throw new IllegalStateException("KeyRing.load() has not run");
        }
        return signingKey;
    }

    /** The JWKS document: {@code {"keys": [...]}}, the signing key first. */
    public Map<String, Object> jwks() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keys", publishedKeys.stream().map(SigningKey::publicJwk).toList());
        return document;
    }

    private void writeJwksFile(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".jwks", ".tmp");
            Files.writeString(temporary, Json.write(jwks()));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the JWKS to " + file
                    + " (cairn.auth.jwks-file): make the directory writable or point the key elsewhere", e);
        }
    }

    private Optional<String> pem(String textKey, String fileKey) {
        Optional<String> text = config.getOptionalValue(textKey, String.class).filter(value -> !value.isBlank());
        if (text.isPresent()) {
            return text;
        }
        return config.getOptionalValue(fileKey, String.class).filter(value -> !value.isBlank()).map(path -> {
            try {
                return Files.readString(Path.of(path));
            } catch (IOException e) {
                throw new ConfigurationException("Configuration '" + fileKey + "' names " + path
                        + ", which cannot be read: " + e.getMessage(), e);
            }
        });
    }

    private SigningKeyEntity generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            SigningKey key = SigningKey.of(privateKey);
            LOG.info(() -> "No signing key configured: generated " + key.kid() + " and stored it in the database");
            return new SigningKeyEntity(key.kid(), PemKeys.toPem(privateKey), clock.instant());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }
}
