package dev.cairn.gateway.auth;

import dev.cairn.testsupport.MutableClock;
import dev.cairn.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenVerifierTest {

    @Test
    void aTokenOfARotatedInKeyIsAcceptedAfterTheJwksIsFetchedAgain() throws Exception {
        TestTokens current = TestTokens.withNewKey();
        TestTokens next = TestTokens.withNewKey();
        Path jwks = Files.createTempFile("jwks", ".json");
        try {
            Files.writeString(jwks, current.jwks());
            TokenVerifier verifier = new TokenVerifier(new Jwks(jwks.toUri(), Duration.ofMinutes(5), Duration.ZERO,
                    Clock.systemUTC()), TestTokens.ISSUER, "cairn", Clock.systemUTC());
            Caller caller = verifier.verify(current.accessToken("user-1", "u@example.com", "customer", "admin"));
            assertThat(caller.subject()).isEqualTo("user-1");
            assertThat(caller.roles()).containsExactlyInAnyOrder("customer", "admin");

            String rotated = next.accessToken("user-2", "v@example.com", "customer");
            assertThatThrownBy(() -> verifier.verify(rotated)).hasMessageContaining("unknown kid");
            String both = "{\"keys\":[" + current.jwks().substring(9, current.jwks().length() - 2) + ","
                    + next.jwks().substring(9, next.jwks().length() - 2) + "]}";
            Files.writeString(jwks, both);
            assertThat(verifier.verify(rotated).subject()).as("unknown kid → JWKS fetched again").isEqualTo("user-2");
            assertThat(verifier.verify(current.accessToken("user-1", "u@example.com")).subject()).isEqualTo("user-1");
        } finally {
            Files.delete(jwks);
        }
    }

    @Test
    void everyForgeryIsRefusedWithItsReason() throws Exception {
        TestTokens tokens = TestTokens.withNewKey();
        Path jwks = Files.createTempFile("jwks", ".json");
        try {
            Files.writeString(jwks, tokens.jwks());
            TokenVerifier verifier = new TokenVerifier(new Jwks(jwks.toUri(), Duration.ofMinutes(5), Duration.ofSeconds(10),
                    Clock.systemUTC()), TestTokens.ISSUER, "cairn", Clock.systemUTC());
            for (Map.Entry<String, String> forged : tokens.forgeries("victim", "victim@example.com").entrySet()) {
                assertThatThrownBy(() -> verifier.verify(forged.getValue())).as(forged.getKey())
                        .isInstanceOf(TokenVerifier.InvalidTokenException.class);
            }
        } finally {
            Files.delete(jwks);
        }
    }

    @Test
    void aRememberedTokenStillExpiresAndARefusedOneIsNeverRemembered() throws Exception {
        TestTokens tokens = TestTokens.withNewKey();
        Path jwks = Files.createTempFile("jwks", ".json");
        try {
            Files.writeString(jwks, tokens.jwks());
            Instant start = Instant.now();
            MutableClock clock = new MutableClock(start);
            TokenVerifier verifier = new TokenVerifier(new Jwks(jwks.toUri(), Duration.ofMinutes(5), Duration.ZERO,
                    Clock.systemUTC()), TestTokens.ISSUER, "cairn", clock);
            String token = tokens.token("user-1", "u@example.com", Duration.ofMinutes(15), TestTokens.ISSUER, "cairn",
                    List.of("customer"));
            assertThat(verifier.verify(token).subject()).isEqualTo("user-1");
            assertThat(verifier.verify(token).subject()).as("remembered").isEqualTo("user-1");

            clock.set(start.plus(Duration.ofMinutes(16)));
            assertThatThrownBy(() -> verifier.verify(token)).as("remembered, but past its exp")
                    .hasMessageContaining("expired");

            String wrongAudience = tokens.token("user-2", "v@example.com", Duration.ofMinutes(15), TestTokens.ISSUER,
                    "someone-else", List.of("customer"));
            clock.set(start);
            assertThatThrownBy(() -> verifier.verify(wrongAudience)).hasMessageContaining("audience");
            assertThatThrownBy(() -> verifier.verify(wrongAudience)).as("refused again, not remembered")
                    .hasMessageContaining("audience");
        } finally {
            Files.delete(jwks);
        }
    }
}
