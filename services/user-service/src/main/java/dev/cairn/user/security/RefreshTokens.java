package dev.cairn.user.security;

import dev.cairn.commons.security.Sha256;

import java.security.SecureRandom;
import java.util.Base64;

/** Refresh token values: 256 random bits, base64url; only their SHA-256 is stored. */
public final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RefreshTokens() {
    }

    /** A fresh token to hand to the client. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a token: SHA-256, lower-case hex. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
