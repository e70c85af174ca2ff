package dev.cairn.user.security;

import java.time.Duration;

/**
 * A signed access token.
 *
 * @param token    the compact JWT
 * @param lifetime how long it is valid
 */
public record IssuedToken(String token, Duration lifetime) {
}
