package dev.cairn.testsupport;

import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkRSA;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

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

    /**
     * Broken and forged tokens for {@code subject}, each with exactly one defect, by name: every one must be refused
     * (401) wherever this minter's key is trusted. The forgeries that need a signature use this minter's real key, so
     * only the named defect can be the reason for the refusal.
     */
    public Map<String, String> forgeries(String subject, String email) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String valid = accessToken(subject, email, "customer");
        String[] parts = valid.split("\\.");
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("garbage", "not.a.jwt");
        String none = b64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        forged.put("alg none, no signature", none + "." + parts[1] + ".");
        forged.put("alg none, old signature", none + "." + parts[1] + "." + parts[2]);
        String hs256 = b64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKey.getEncoded(), "HmacSHA256"));
            String input = hs256 + "." + parts[1];
            forged.put("HS256 keyed with the public key", input + "."
                    + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
        Instant past = Instant.now().minus(Duration.ofHours(2));
        forged.put("expired", signed(subject, email, jwt -> jwt.issueTime(past).notBefore(past)
                .expirationTime(past.plus(Duration.ofMinutes(15)))));
        Instant future = Instant.now().plus(Duration.ofHours(1));
        forged.put("not valid yet", signed(subject, email, jwt -> jwt.notBefore(future)
                .expirationTime(future.plus(Duration.ofMinutes(15)))));
        forged.put("wrong issuer", signed(subject, email, jwt -> jwt.issuer("https://evil.example/auth")));
        forged.put("wrong audience", signed(subject, email, jwt -> jwt.audience(List.of("someone-else"))));
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        forged.put("tampered payload", parts[0] + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
        TestTokens stranger = withNewKey();
        forged.put("unknown kid", stranger.accessToken(subject, email, "admin"));
        String[] strangers = stranger.accessToken(subject, email, "admin").split("\\.");
        String ourKid = b64.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        forged.put("known kid, another key's signature", ourKid + "." + strangers[1] + "." + strangers[2]);
        return forged;
    }

    private String signed(String subject, String email, UnaryOperator<Jwt.Builder> change) {
        Instant now = Instant.now();
        Jwt.Builder jwt = Jwt.builder()
                .keyId(keyId)
                .algorithm(JwkRSA.ALG_RS256)
                .issuer(ISSUER)
                .audience(List.of("cairn"))
                .subject(subject)
                .userPrincipal(email)
                .addUserGroup("customer")
                .jwtId(UUID.randomUUID().toString())
                .issueTime(now)
                .notBefore(now)
                .expirationTime(now.plus(Duration.ofMinutes(15)));
        return SignedJwt.sign(change.apply(jwt).build(), signingKey).tokenContent();
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
