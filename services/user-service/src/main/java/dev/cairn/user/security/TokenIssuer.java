package dev.cairn.user.security;

import dev.cairn.commons.metrics.Meters;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkRSA;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens: RS256 with the key ring's signing key ({@code kid} header) and the claims of CONTRACT.md
 * section 3 ({@code iss}, {@code aud}, {@code sub}, {@code upn}, {@code groups}, {@code jti}, {@code iat},
 * {@code nbf}, {@code exp}). Signing time is recorded as {@code cairn_token_issue_seconds}.
 */
@ApplicationScoped
public class TokenIssuer {

    private final KeyRing keys;
    private final AuthSettings settings;
    private final Clock clock;
    private final Timer issueTimer;

    @Inject
    public TokenIssuer(KeyRing keys, AuthSettings settings, Clock clock,
                       @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
        this.issueTimer = Meters.timer(metrics, "cairn_token_issue");
    }

    /**
     * A new access token.
     *
     * @param subject user id or client id ({@code sub})
     * @param name    email or client id ({@code upn})
     * @param roles   roles ({@code groups})
     */
    public IssuedToken accessToken(String subject, String name, Collection<String> roles) {
        Timer.Context timing = issueTimer.time();
        try {
            Instant now = clock.instant();
            SigningKey key = keys.signingKey();
            Jwt.Builder jwt = Jwt.builder()
                    .type("JWT")
                    .keyId(key.kid())
                    .algorithm(JwkRSA.ALG_RS256)
                    .issuer(settings.issuer())
                    .audience(List.of(settings.audience()))
                    .subject(subject)
                    .userPrincipal(name)
                    .jwtId(UUID.randomUUID().toString())
                    .issueTime(now)
                    .notBefore(now)
                    .expirationTime(now.plus(settings.accessTokenLifetime()));
            roles.forEach(jwt::addUserGroup);
            return new IssuedToken(SignedJwt.sign(jwt.build(), key.signingJwk()).tokenContent(),
                    settings.accessTokenLifetime());
        } finally {
            timing.stop();
        }
    }
}
