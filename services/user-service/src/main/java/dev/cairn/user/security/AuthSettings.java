package dev.cairn.user.security;

import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.config.ConfigurationException;
import dev.cairn.user.domain.LockoutPolicy;
import dev.cairn.user.domain.PasswordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The user service's typed {@code cairn.auth.*} settings, read and checked once at startup. */
@ApplicationScoped
public class AuthSettings {

    /** Issuer of Cairn tokens when {@code cairn.auth.issuer} is not set. */
    public static final String DEFAULT_ISSUER = "https://cairn.local/auth";

    private final String issuer;
    private final String audience;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final LockoutPolicy lockoutPolicy;
    private final PasswordPolicy passwordPolicy;
    private final Path jwksFile;
    private final Optional<URI> publicUrl;

    @Inject
    public AuthSettings(Config config) {
        this.issuer = config.getOptionalValue("cairn.auth.issuer", String.class).orElse(DEFAULT_ISSUER);
        this.audience = config.getOptionalValue("cairn.auth.audience", String.class).orElse("cairn");
        this.accessTokenLifetime = positive(config, "cairn.auth.access-token-lifetime", Duration.ofMinutes(15));
        this.refreshTokenLifetime = positive(config, "cairn.auth.refresh-token-lifetime", Duration.ofDays(7));
        this.lockoutPolicy = new LockoutPolicy(
                config.getOptionalValue("cairn.auth.lockout.max-failures", Integer.class).orElse(5),
                positive(config, "cairn.auth.lockout.window", Duration.ofMinutes(15)),
                positive(config, "cairn.auth.lockout.duration", Duration.ofMinutes(15)));
        this.passwordPolicy = new PasswordPolicy(
                config.getOptionalValue("cairn.auth.password.min-length", Integer.class).orElse(12));
        this.jwksFile = Path.of(ConfigValues.require(config, "cairn.auth.jwks-file",
                "set it to a writable file path where the service publishes its JWKS for MicroProfile JWT"));
        this.publicUrl = config.getOptionalValue("cairn.auth.public-url", String.class)
                .filter(value -> !value.isBlank())
                .map(value -> ConfigValues.parseUri("cairn.auth.public-url", value,
                        "set it to the URL clients reach the service at, e.g. https://api.example.com", "http", "https"));
    }

    private static Duration positive(Config config, String key, Duration defaultValue) {
        Duration value = ConfigValues.duration(config, key, defaultValue);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigurationException("Configuration '" + key + "' (environment variable "
                    + ConfigValues.envNameOf(key) + ") must be a positive duration, e.g. 15m");
        }
        return value;
    }

    /** {@code iss} of every token, and the issuer in the discovery document. */
    public String issuer() {
        return issuer;
    }

    /** {@code aud} of every token. */
    public String audience() {
        return audience;
    }

    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public Duration refreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    public LockoutPolicy lockoutPolicy() {
        return lockoutPolicy;
    }

    public PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    /** Where the JWKS is written for the service's own MicroProfile JWT verification. */
    public Path jwksFile() {
        return jwksFile;
    }

    /** Base URL for absolute links in the discovery document; empty to use the request's. */
    public Optional<URI> publicUrl() {
        return publicUrl;
    }
}
