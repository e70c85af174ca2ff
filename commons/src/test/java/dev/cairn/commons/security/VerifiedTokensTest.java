package dev.cairn.commons.security;

import dev.cairn.testsupport.MutableClock;
import io.helidon.security.Principal;
import io.helidon.security.Subject;
import io.helidon.security.providers.common.TokenCredential;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(SKEW, clock);

    private static Subject subjectExpiringAt(Instant expires) {
        return Subject.builder()
                .principal(Principal.create("alice"))
                .addPublicCredential(TokenCredential.class, TokenCredential.builder().token("t").expTime(expires).build())
                .build();
    }

    @Test
    void remembersAVerifiedTokenUntilItExpiresPlusTheClockSkew() {
        Subject alice = subjectExpiringAt(NOW.plusSeconds(30));
        tokens.remember("Bearer a", alice);

        clock.set(NOW.plusSeconds(35));
        assertThat(tokens.subjectOf("Bearer a")).containsSame(alice);

        clock.set(NOW.plusSeconds(35).plusMillis(1));
        assertThat(tokens.subjectOf("Bearer a")).isEmpty();
        clock.set(NOW);
        assertThat(tokens.subjectOf("Bearer a")).as("forgotten once seen expired").isEmpty();
    }

    @Test
    void forgetsALongLivedTokenAfterTheRememberTimeSoItIsVerifiedAgain() {
        tokens.remember("Bearer a", subjectExpiringAt(NOW.plus(Duration.ofHours(1))));

        clock.advance(VerifiedTokens.REMEMBER.minusSeconds(1));
        assertThat(tokens.subjectOf("Bearer a")).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.subjectOf("Bearer a")).isEmpty();
    }

    @Test
    void anyOtherHeaderValueIsUnknown() {
        tokens.remember("Bearer abc", subjectExpiringAt(NOW.plusSeconds(30)));

        assertThat(tokens.subjectOf("Bearer abd")).isEmpty();
        assertThat(tokens.subjectOf("Bearer abc ")).isEmpty();
        assertThat(tokens.subjectOf("bearer abc")).isEmpty();
    }

    @Test
    void aSubjectWithoutTokenExpiryIsNotRemembered() {
        tokens.remember("Bearer a", Subject.builder().principal(Principal.create("alice")).build());

        assertThat(tokens.subjectOf("Bearer a")).isEmpty();
    }
}
