package dev.cairn.user.service;

import dev.cairn.user.security.IssuedToken;

/**
 * What a login or refresh returns.
 *
 * @param accessToken  the signed access token
 * @param refreshToken the new refresh token (shown once, stored hashed)
 */
public record TokenPair(IssuedToken accessToken, String refreshToken) {
}
