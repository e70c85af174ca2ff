package dev.cairn.user;

import dev.cairn.commons.security.RememberedTokensExtension;
import dev.cairn.commons.security.VerifiedTokens;
import dev.cairn.testsupport.TestTokens;
import dev.cairn.user.security.KeyRing;
import dev.cairn.user.security.SigningKey;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkRSA;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Forged and broken tokens against a protected endpoint ({@code GET /api/v1/users/me}): each is a 401 problem.
 * The forgeries are signed with the service's real key where the attack needs it, so only the one broken property
 * can be the reason for the rejection.
 */
@HelidonTest
class JwtAttackTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    WebTarget target;
    @Inject
    KeyRing keys;

    private UserApi.Session victim;

    @BeforeEach
    void registerVictim() {
        victim = new UserApi(target).newCustomer("jwt");
    }

    private int statusWith(String token) {
        return new UserApi(target).as("/api/v1/users/me", token).get().getStatus();
    }

    private void rejected(String token) {
        problem(new UserApi(target).as("/api/v1/users/me", token).get(), 401);
    }

    /** A token signed with the real key whose claims {@code change} alters. */
    private String signed(UnaryOperator<Jwt.Builder> change) {
        SigningKey key = keys.signingKey();
        Instant now = Instant.now();
        Jwt.Builder jwt = Jwt.builder()
                .keyId(key.kid())
                .algorithm(JwkRSA.ALG_RS256)
                .issuer("https://cairn.local/auth")
                .audience(List.of("cairn"))
                .subject(victim.id())
                .userPrincipal(victim.email())
                .addUserGroup("customer")
                .jwtId(UUID.randomUUID().toString())
                .issueTime(now)
                .notBefore(now)
                .expirationTime(now.plus(Duration.ofMinutes(15)));
        return SignedJwt.sign(change.apply(jwt).build(), key.signingJwk()).tokenContent();
    }

    @Test
    void wellFormedTokenSignedWithTheRealKeyIsAccepted() {
        expect(new UserApi(target).as("/api/v1/users/me", signed(jwt -> jwt)).get(), 200);
        expect(new UserApi(target).as("/api/v1/users/me", victim.accessToken()).get(), 200);
    }

    @Test
    void noTokenIsRejected() {
        var response = new UserApi(target).as("/api/v1/users/me", null).get();
        problem(response, 401);
        assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void garbageTokenIsRejected() {
        rejected("not.a.jwt");
    }

    @Test
    void algNoneIsRejected() {
        String[] parts = victim.accessToken().split("\\.");
        String header = B64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + keys.signingKey().kid() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        rejected(header + "." + parts[1] + ".");
        rejected(header + "." + parts[1] + "." + parts[2]);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        String[] parts = victim.accessToken().split("\\.");
        String header = B64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + keys.signingKey().kid() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.signingKey().publicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : List.of(pem.getBytes(StandardCharsets.UTF_8), keys.signingKey().publicKey().getEncoded())) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String signingInput = header + "." + parts[1];
            String signature = B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
            rejected(signingInput + "." + signature);
        }
    }

    @Test
    void expiredTokenIsRejected() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        rejected(signed(jwt -> jwt.issueTime(past).notBefore(past).expirationTime(past.plus(Duration.ofMinutes(15)))));
    }

    @Test
    void tokenNotYetValidIsRejected() {
        Instant future = Instant.now().plus(Duration.ofHours(1));
        rejected(signed(jwt -> jwt.notBefore(future).expirationTime(future.plus(Duration.ofMinutes(15)))));
    }

    @Test
    void wrongIssuerIsRejected() {
        rejected(signed(jwt -> jwt.issuer("https://evil.example/auth")));
    }

    @Test
    void wrongAudienceIsRejected() {
        rejected(signed(jwt -> jwt.audience(List.of("someone-else"))));
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = victim.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        assertThat(payload).contains("\"admin\"");
        String tampered = parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        rejected(tampered);
        assertThat(statusWith(tampered)).isEqualTo(401);
    }

    @Test
    void unknownKeyIdIsRejected() {
        TestTokens stranger = TestTokens.withNewKey();
        rejected(stranger.accessToken(victim.id(), victim.email(), "customer"));
    }

    @Test
    void knownKeyIdWithAnotherKeysSignatureIsRejected() {
        TestTokens stranger = TestTokens.withNewKey();
        String forged = stranger.accessToken(victim.id(), victim.email(), "admin");
        String[] parts = forged.split("\\.");
        String header = B64.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keys.signingKey().kid() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        rejected(header + "." + parts[1] + "." + parts[2]);
    }

    /** The verified tokens the service remembers (commons' RememberedTokensExtension). */
    private static VerifiedTokens remembered() {
        return CDI.current().getBeanManager().getExtension(RememberedTokensExtension.class).verifiedTokens()
                .orElseThrow(() -> new AssertionError("the remembering MP-JWT provider is not installed"));
    }

    @Test
    void anAcceptedTokenIsRememberedAndRefusedAllTheSameOnceItExpires() {
        String token = signed(jwt -> jwt.expirationTime(Instant.now().plusSeconds(2)));
        expect(new UserApi(target).as("/api/v1/users/me", token).get(), 200);
        assertThat(remembered().subjectOf("Bearer " + token)).isPresent();

        // expiry plus Helidon's 5 s of allowed clock skew
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> statusWith(token) == 401);
        rejected(token);
    }

    @Test
    void aRememberedTokenWithOneSignatureCharacterChangedIsRejected() {
        String token = signed(jwt -> jwt);
        expect(new UserApi(target).as("/api/v1/users/me", token).get(), 200);
        expect(new UserApi(target).as("/api/v1/users/me", token).get(), 200);
        assertThat(remembered().subjectOf("Bearer " + token)).isPresent();

        char last = token.charAt(token.length() - 2);
        rejected(token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1));
        rejected(token + "A");
    }
}
