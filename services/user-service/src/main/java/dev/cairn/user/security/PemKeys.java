package dev.cairn.user.security;

import dev.cairn.commons.config.ConfigurationException;
import dev.cairn.commons.security.Sha256;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes RSA keys as PEM (PKCS#8 private, X.509 public) and names them by RFC 7638 thumbprint. */
public final class PemKeys {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeys() {
    }

    /** The private key in a {@code BEGIN PRIVATE KEY} (PKCS#8) block; {@code source} names it in errors. */
    public static RSAPrivateCrtKey privateKey(String pem, String source) {
        Block block = block(pem, source);
        if (!block.type().equals("PRIVATE KEY")) {
            throw new ConfigurationException(source + " holds a '" + block.type() + "' block, not an unencrypted "
                    + "PKCS#8 RSA private key: convert it with 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
        }
        try {
            return (RSAPrivateCrtKey) rsa().generatePrivate(new PKCS8EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new ConfigurationException(source + " is not an RSA private key: generate one with "
                    + "'openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048'", e);
        }
    }

    /** The public key of a {@code BEGIN PUBLIC KEY} block, or of a {@code BEGIN PRIVATE KEY} block. */
    public static RSAPublicKey publicKey(String pem, String source) {
        Block block = block(pem, source);
        if (block.type().equals("PRIVATE KEY")) {
            return publicKeyOf(privateKey(pem, source));
        }
        if (!block.type().equals("PUBLIC KEY")) {
            throw new ConfigurationException(source + " holds a '" + block.type() + "' block: use a PUBLIC KEY "
                    + "or PRIVATE KEY (PKCS#8) PEM block");
        }
        try {
            return (RSAPublicKey) rsa().generatePublic(new X509EncodedKeySpec(block.der()));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new ConfigurationException(source + " is not an RSA public key", e);
        }
    }

    /** The public half of a private key. */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey privateKey) {
        try {
            return (RSAPublicKey) rsa().generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA public key could not be derived", e);
        }
    }

    /** A PKCS#8 PEM block of the key. */
    public static String toPem(RSAPrivateCrtKey privateKey) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(privateKey.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /** The RFC 7638 JWK thumbprint (SHA-256, base64url): the same key gets the same {@code kid} everywhere. */
    public static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(canonical));
    }

    /** Unsigned big-endian base64url of a JWK number ({@code n}, {@code e}). */
    public static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Block block(String pem, String source) {
        Matcher matcher = PEM.matcher(pem == null ? "" : pem);
        if (!matcher.find()) {
            throw new ConfigurationException(source + " is not a PEM key (-----BEGIN ...----- block)");
        }
        try {
            return new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + " has a PEM block that is not valid base64", e);
        }
    }

    private static KeyFactory rsa() throws NoSuchAlgorithmException {
        return KeyFactory.getInstance("RSA");
    }

    private record Block(String type, byte[] der) {
    }
}
