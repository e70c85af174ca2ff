package dev.cairn.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.user.security.PemKeys;
import dev.cairn.user.security.SigningKey;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.helidon.security.jwt.Jwt;
import io.helidon.security.jwt.SignedJwt;
import io.helidon.security.jwt.jwk.JwkRSA;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rotation in progress: the new key is configured as the signing key and the old one as the previous key. Both
 * are published; new tokens use the new key; tokens the old key signed before the rotation still work.
 */
@HelidonTest
@AddConfig(key = "cairn.auth.signing-key-file", value = "src/test/resources/keys/current-signing-key.pem")
@AddConfig(key = "cairn.auth.previous-key-file", value = "src/test/resources/keys/previous-public-key.pem")
class KeyRotationTest {

    @Inject
    WebTarget target;

    private static SigningKey key(String file) throws Exception {
        return SigningKey.of(PemKeys.privateKey(Files.readString(Path.of("src/test/resources/keys", file)), file));
    }

    @Test
    void bothKeysArePublishedAndTheConfiguredOneSigns() throws Exception {
        SigningKey current = key("current-signing-key.pem");
        SigningKey previous = key("previous-signing-key.pem");
        JsonNode jwks = json(expect(target.path("/.well-known/jwks.json").request().get(), 200));
        assertThat(jwks.get("keys")).extracting(k -> k.get("kid").asText()).containsExactly(current.kid(), previous.kid());

        UserApi.Session session = new UserApi(target).newCustomer("rotation");
        JsonNode header = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Base64.getUrlDecoder().decode(session.accessToken().split("\\.")[0]));
        assertThat(header.get("kid").asText()).isEqualTo(current.kid());
    }

    @Test
    void tokensSignedWithThePreviousKeyStayValid() throws Exception {
        SigningKey previous = key("previous-signing-key.pem");
        UserApi.Session session = new UserApi(target).newCustomer("oldtoken");
        Instant issued = Instant.now().minus(Duration.ofMinutes(5));
        Jwt jwt = Jwt.builder()
                .keyId(previous.kid())
                .algorithm(JwkRSA.ALG_RS256)
                .issuer("https://cairn.local/auth")
                .audience(List.of("cairn"))
                .subject(session.id())
                .userPrincipal(session.email())
                .addUserGroup("customer")
                .jwtId(UUID.randomUUID().toString())
                .issueTime(issued)
                .notBefore(issued)
                .expirationTime(issued.plus(Duration.ofMinutes(15)))
                .build();
        String oldToken = SignedJwt.sign(jwt, previous.signingJwk()).tokenContent();
        expect(new UserApi(target).as("/api/v1/users/me", oldToken).get(), 200);
    }
}
