package dev.cairn.user.security;

import dev.cairn.commons.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PemKeysTest {

    private static RSAPrivateCrtKey newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    }

    @Test
    void privateKeyRoundTripsThroughPem() throws Exception {
        RSAPrivateCrtKey key = newKey();
        RSAPrivateCrtKey read = PemKeys.privateKey(PemKeys.toPem(key), "test");
        assertThat(read.getModulus()).isEqualTo(key.getModulus());
        assertThat(read.getPrivateExponent()).isEqualTo(key.getPrivateExponent());
    }

    @Test
    void publicKeyIsReadFromPublicOrPrivatePem() throws Exception {
        RSAPrivateCrtKey key = newKey();
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PemKeys.publicKeyOf(key).getEncoded()) + "\n-----END PUBLIC KEY-----";
        assertThat(PemKeys.publicKey(publicPem, "test").getModulus()).isEqualTo(key.getModulus());
        assertThat(PemKeys.publicKey(PemKeys.toPem(key), "test").getModulus()).isEqualTo(key.getModulus());
    }

    @Test
    void thumbprintIsStableAndDiffersBetweenKeys() throws Exception {
        RSAPrivateCrtKey key = newKey();
        String kid = PemKeys.thumbprint(PemKeys.publicKeyOf(key));
        assertThat(PemKeys.thumbprint(PemKeys.publicKeyOf(PemKeys.privateKey(PemKeys.toPem(key), "test")))).isEqualTo(kid);
        assertThat(kid).hasSize(43).doesNotContain("=", "+", "/");
        assertThat(PemKeys.thumbprint(PemKeys.publicKeyOf(newKey()))).isNotEqualTo(kid);
    }

    @Test
    void rfc7638ExampleThumbprint() throws Exception {
        // The example key of RFC 7638 section 3.1 and its published thumbprint.
        String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMs"
                + "tn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n"
                + "91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
        var spec = new java.security.spec.RSAPublicKeySpec(new java.math.BigInteger(1, Base64.getUrlDecoder().decode(n)),
                new java.math.BigInteger(1, Base64.getUrlDecoder().decode("AQAB")));
        var key = (java.security.interfaces.RSAPublicKey) java.security.KeyFactory.getInstance("RSA").generatePublic(spec);
        assertThat(PemKeys.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void explainsWhatIsWrongWithABadKey() {
        assertThatThrownBy(() -> PemKeys.privateKey("not a key", "cairn.auth.signing-key"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cairn.auth.signing-key");
        assertThatThrownBy(() -> PemKeys.privateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----",
                "cairn.auth.signing-key"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("openssl pkcs8");
    }
}
