package dev.cairn.user.security;

import io.helidon.security.jwt.jwk.JwkRSA;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An RS256 key of the token issuer, named by its thumbprint. Keys without a private half are published for
 * verification only (the previous key during a rotation).
 *
 * @param kid        key id ({@code kid} header of the tokens it signs)
 * @param publicKey  the public key
 * @param privateKey the private key, empty for a verification-only key
 */
public record SigningKey(String kid, RSAPublicKey publicKey, Optional<RSAPrivateCrtKey> privateKey) {

    /** A key that can sign. */
    public static SigningKey of(RSAPrivateCrtKey privateKey) {
        RSAPublicKey publicKey = PemKeys.publicKeyOf(privateKey);
        return new SigningKey(PemKeys.thumbprint(publicKey), publicKey, Optional.of(privateKey));
    }

    /** A key that is only published, for tokens it signed earlier. */
    public static SigningKey verificationOnly(RSAPublicKey publicKey) {
        return new SigningKey(PemKeys.thumbprint(publicKey), publicKey, Optional.empty());
    }

    /** The Helidon JWK used to sign tokens. */
    public JwkRSA signingJwk() {
        return JwkRSA.builder()
                .publicKey(publicKey)
                .privateKey(privateKey.orElseThrow(() -> new IllegalStateException("key " + kid + " cannot sign")))
                .keyId(kid)
                .algorithm(JwkRSA.ALG_RS256)
                .usage("sig")
                .build();
    }

    /** The public JWK as published in the JWKS document (RFC 7517). */
    public Map<String, String> publicJwk() {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", PemKeys.base64Url(publicKey.getModulus()));
        jwk.put("e", PemKeys.base64Url(publicKey.getPublicExponent()));
        return jwk;
    }
}
