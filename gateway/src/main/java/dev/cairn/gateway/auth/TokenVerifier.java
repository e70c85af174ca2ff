package dev.cairn.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.common.Errors;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.Jwk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies access tokens at the edge as the services do (CONTRACT.md section 3): a JWT signed RS256 (any other
 * {@code alg}, {@code none} included, is refused before a key is looked at) by a key of the user service's JWKS named
 * by its {@code kid}, not expired, not before its {@code nbf}, from the configured issuer, for audience
 * {@code cairn}. Signature checking is Helidon's (helidon-security-jwt).
 * <p>
 * A token that passed is remembered for at most a minute (at most 10 000 tokens), so a client's next requests with it
 * cost a map lookup instead of an RSA verification; its expiry and not-before are checked against the clock on every
 * use. Refused tokens are never remembered. A key removed from the JWKS stops being accepted when the entries of its
 * tokens age out, within that minute.
 */
public final class TokenVerifier {

    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration REMEMBER = Duration.ofMinutes(1);

    /** A token that passed the checks that do not depend on time, with the times that do. */
    private record Verified(Caller caller, Instant expires, Optional<Instant> notBefore) {
    }

    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(REMEMBER)
            .build();

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
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            known = verifyUncached(token);
            verified.put(token, known);
        }
        checkTimes(known.expires(), known.notBefore());
        return known.caller();
    }

    private void checkTimes(Instant expires, Optional<Instant> notBefore) {
        Instant now = clock.instant();
        if (now.minus(SKEW).isAfter(expires)) {
            throw new InvalidTokenException("expired");
        }
        if (notBefore.isPresent() && now.plus(SKEW).isBefore(notBefore.get())) {
            throw new InvalidTokenException("not valid yet");
        }
    }

    private Verified verifyUncached(String token) {
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
        Instant expires = jwt.expirationTime().orElseThrow(() -> new InvalidTokenException("no exp"));
        Optional<Instant> notBefore = jwt.notBefore();
        checkTimes(expires, notBefore);
        if (!issuer.equals(jwt.issuer().orElse(""))) {
            throw new InvalidTokenException("issuer " + jwt.issuer().orElse("(none)"));
        }
        if (!jwt.audience().orElse(List.of()).contains(audience)) {
            throw new InvalidTokenException("audience " + jwt.audience().orElse(List.of()));
        }
        String subject = jwt.subject().filter(s -> !s.isBlank()).orElseThrow(() -> new InvalidTokenException("no sub"));
        return new Verified(new Caller(subject, Set.copyOf(jwt.userGroups().orElse(List.of()))), expires, notBefore);
    }

    /** A token the gateway does not accept. */
    public static final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String reason) {
            super(reason, null, false, false);
        }
    }
}
