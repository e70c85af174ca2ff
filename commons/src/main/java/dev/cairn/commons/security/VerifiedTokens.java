package dev.cairn.commons.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.helidon.security.Subject;
import io.helidon.security.providers.common.TokenCredential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The subjects of bearer tokens whose signature, issuer, audience and expiry have been verified, by the exact value
 * of the header that carried them: a client sends the same token with every request until it expires, and checking
 * its RS256 signature again each time was a fifth of a service's CPU per request.
 * <p>
 * A token is remembered for at most {@link #REMEMBER} and never past its expiry plus the allowed clock skew, which is
 * checked again on every look-up, so a remembered token stops working exactly when a verified one would. Any other
 * header value, even one character off, is a different key and is verified in full.
 */
public final class VerifiedTokens {

    /** How long a verified token is remembered at most (a new verification after that, as after a key change). */
    public static final Duration REMEMBER = Duration.ofSeconds(60);
    /** Tokens remembered at most; the least recently used go first. */
    static final int CAPACITY = 4_096;

    private record Verified(Subject subject, Instant usableUntil) {
    }

    private final Cache<String, Verified> verified;
    private final Duration clockSkew;
    private final Clock clock;

    /**
     * @param clockSkew how long after its {@code exp} a token is still accepted (the JWT provider's own skew)
     * @param clock     the clock expiry is checked against
     */
    public VerifiedTokens(Duration clockSkew, Clock clock) {
        this.clockSkew = clockSkew;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(CAPACITY)
                .expireAfterWrite(REMEMBER)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** The subject verified for this header value, if it is remembered and its token has not expired since. */
    public Optional<Subject> subjectOf(String header) {
        Verified known = verified.getIfPresent(header);
        if (known == null) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(known.usableUntil())) {
            verified.invalidate(header);
            return Optional.empty();
        }
        return Optional.of(known.subject());
    }

    /**
     * Remembers a subject just verified for this header value; one whose token has no expiry time is not remembered
     * (the provider refuses such tokens anyway).
     */
    public void remember(String header, Subject subject) {
        subject.publicCredential(TokenCredential.class)
                .flatMap(TokenCredential::getExpTime)
                .ifPresent(expires -> verified.put(header, new Verified(subject, expires.plus(clockSkew))));
    }
}
