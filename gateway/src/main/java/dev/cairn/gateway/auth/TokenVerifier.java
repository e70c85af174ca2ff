package dev.cairn.gateway.auth;

import io.helidon.common.Errors;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.Jwk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Verifies access tokens at the edge as the services do (CONTRACT.md section 3): a JWT signed RS256 (any other
 * {@code alg}, {@code none} included, is refused before a key is looked at) by a key of the user service's JWKS named
 * by its {@code kid}, not expired, not before its {@code nbf}, from the configured issuer, for audience
 * {@code cairn}. Signature checking is Helidon's (helidon-security-jwt).
 */
public final class TokenVerifier {

    private static final Duration SKEW = Duration.ofSeconds(30);

    private final Jwks jwks;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenVerifier(Jwks jwks, String issuer, String audience, Clock clock) {
        this.jwks = jwks;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /**
     * The caller a bearer token stands for.
     *
     * @throws InvalidTokenException with the reason (for the log; clients get one generic message)
     */
    public Caller verify(String token) {
        SignedJwt signed;
        try {
            signed = SignedJwt.parseToken(token);
        } catch (RuntimeException e) {
            throw new InvalidTokenException("not a JWT");
        }
        Jwt jwt = signed.getJwt();
        if (!"RS256".equals(jwt.algorithm().orElse(""))) {
            throw new InvalidTokenException("algorithm " + jwt.algorithm().orElse("(none)") + " is not accepted");
        }
        String keyId = jwt.keyId().orElseThrow(() -> new InvalidTokenException("no kid"));
        Jwk key = jwks.key(keyId).orElseThrow(() -> new InvalidTokenException("unknown kid " + keyId));
        Errors errors = signed.verifySignature(jwks.keys(), key);
        if (!errors.isValid()) {
            throw new InvalidTokenException("bad signature");
        }
        Instant now = clock.instant();
        Instant expires = jwt.expirationTime().orElseThrow(() -> new InvalidTokenException("no exp"));
        if (now.minus(SKEW).isAfter(expires)) {
            throw new InvalidTokenException("expired");
        }
        Optional<Instant> notBefore = jwt.notBefore();
        if (notBefore.isPresent() && now.plus(SKEW).isBefore(notBefore.get())) {
            throw new InvalidTokenException("not valid yet");
        }
        if (!issuer.equals(jwt.issuer().orElse(""))) {
            throw new InvalidTokenException("issuer " + jwt.issuer().orElse("(none)"));
        }
        if (!jwt.audience().orElse(List.of()).contains(audience)) {
            throw new InvalidTokenException("audience " + jwt.audience().orElse(List.of()));
        }
        String subject = jwt.subject().filter(s -> !s.isBlank()).orElseThrow(() -> new InvalidTokenException("no sub"));
        return new Caller(subject, Set.copyOf(jwt.userGroups().orElse(List.of())));
    }

    /** A token the gateway does not accept. */
    public static final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String reason) {
            super(reason, null, false, false);
        }
    }
}
