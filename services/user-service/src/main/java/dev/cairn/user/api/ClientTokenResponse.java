package dev.cairn.user.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cairn.user.security.IssuedToken;

/** The RFC 6749 section 5.1 response of {@code POST /oauth2/token}. */
public record ClientTokenResponse(@JsonProperty("access_token") String accessToken,
                                  @JsonProperty("token_type") String tokenType,
                                  @JsonProperty("expires_in") long expiresIn) {

    static ClientTokenResponse of(IssuedToken token) {
        return new ClientTokenResponse(token.token(), "Bearer", token.lifetime().toSeconds());
    }
}
