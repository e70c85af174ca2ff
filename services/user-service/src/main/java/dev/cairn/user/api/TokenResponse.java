package dev.cairn.user.api;

import dev.cairn.user.service.TokenPair;

/**
 * The tokens of a login or refresh.
 *
 * @param accessToken  RS256 JWT for the {@code Authorization: Bearer} header
 * @param refreshToken single-use token for {@code /api/v1/auth/refresh}
 * @param tokenType    always {@code Bearer}
 * @param expiresIn    seconds until the access token expires
 */
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static TokenResponse of(TokenPair pair) {
        return new TokenResponse(pair.accessToken().token(), pair.refreshToken(), "Bearer",
                pair.accessToken().lifetime().toSeconds());
    }
}
