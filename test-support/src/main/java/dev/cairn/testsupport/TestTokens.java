package dev.cairn.testsupport;

import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkRSA;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints RS256 access tokens shaped like the user service's (CONTRACT.md section 3: {@code iss}, {@code aud cairn},
 * {@code sub}, {@code upn}, {@code groups}, {@code jti}, {@code kid}) with a key pair of its own, and publishes that
 * key as a JWKS document so a service under test can be pointed at it.
 */
public final class TestTokens {

    /** Default issuer of Cairn tokens. */
    public static final String ISSUER = "https://cairn.local/auth";

    private final String keyId;
    private final RSAPublicKey publicKey;
    private final JwkRSA signingKey;

    private TestTokens(String keyId, KeyPair keys) {
        this.keyId = keyId;
        this.publicKey = (RSAPublicKey) keys.getPublic();
        this.signingKey = JwkRSA.builder()
                .publicKey(publicKey)
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyId(keyId)
                .algorithm(JwkRSA.ALG_RS256)
                .usage("sig")
                .build();
    }

    private static final class Shared {
        private static final TestTokens INSTANCE = withNewKey();
        private static final Path JWKS_FILE = writeJwks(INSTANCE);
    }

    /**
     * The minter whose keys every {@code @HelidonTest} service trusts: {@link TestInfrastructureConfigSource} points
     * {@code cairn.auth.jwks-url} (and so {@code mp.jwt.verify.publickey.location}) at {@link #sharedJwksFile()}.
     */
    public static TestTokens shared() {
        return Shared.INSTANCE;
    }

    /** The JWKS file of {@link #shared()}, written once per test JVM. */
    public static String sharedJwksFile() {
        return Shared.JWKS_FILE.toString();
    }

    private static Path writeJwks(TestTokens tokens) {
        try {
            Path file = Files.createTempFile("cairn-test-jwks-", ".json");
            Files.writeString(file, tokens.jwks());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test JWKS", e);
        }
    }

    /** A minter with a fresh 2048-bit RSA key. */
    public static TestTokens withNewKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TestTokens("test-" + UUID.randomUUID(), generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** A valid 15-minute access token for {@code subject} with the given roles. */
    public String accessToken(String subject, String email, String... roles) {
        return token(subject, email, Duration.ofMinutes(15), ISSUER, "cairn", List.of(roles));
    }

    /** A token with every claim chosen by the caller (for expired, wrong-audience, wrong-issuer cases). */
    public String token(String subject, String email, Duration lifetime, String issuer, String audience,
                        List<String> roles) {
        Instant now = Instant.now();
        Jwt.Builder jwt = Jwt.builder()
                .keyId(keyId)
                .algorithm(JwkRSA.ALG_RS256)
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(subject)
                .userPrincipal(email)
                .jwtId(UUID.randomUUID().toString())
                .issueTime(now)
                .expirationTime(now.plus(lifetime));
        roles.forEach(jwt::addUserGroup);
        return SignedJwt.sign(jwt.build(), signingKey).tokenContent();
    }

    /** The public key as a JWKS document ({@code {"keys":[...]}}). */
    public String jwks() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"n\":\""
                + base64.encodeToString(unsigned(publicKey.getModulus().toByteArray())) + "\",\"e\":\""
                + base64.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray())) + "\"}]}";
    }

    public String keyId() {
        return keyId;
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }
}
