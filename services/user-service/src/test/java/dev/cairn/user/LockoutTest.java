package dev.cairn.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.testsupport.TestDatabases;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Five failed logins in 15 minutes lock the account for 15 minutes; time moves by an injected clock. */
@HelidonTest
@AddBean(AdjustableClock.class)
class LockoutTest {

    private static final String WRONG = "definitely not the password";

    @Inject
    WebTarget target;
    @Inject
    AdjustableClock clock;

    @Test
    void fiveFailuresLockTheAccountUntilTheWindowPasses() {
        UserApi api = new UserApi(target);
        UserApi.Session user = api.newCustomer("lockout");
        for (int attempt = 1; attempt <= 5; attempt++) {
            problem(api.login(user.email(), WRONG), 401);
        }
        Response locked = api.login(user.email(), UserApi.PASSWORD);
        JsonNode body = problem(locked, 423);
        assertThat(body.get("detail").asText()).contains("locked");
        assertThat(Long.parseLong(locked.getHeaderString("Retry-After"))).isBetween(1L, 900L);

        clock.advance(Duration.ofMinutes(14));
        problem(api.login(user.email(), UserApi.PASSWORD), 423);

        clock.advance(Duration.ofMinutes(2));
        expect(api.login(user.email(), UserApi.PASSWORD), 200);
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        UserApi api = new UserApi(target);
        UserApi.Session user = api.newCustomer("slowguess");
        for (int attempt = 1; attempt <= 4; attempt++) {
            problem(api.login(user.email(), WRONG), 401);
        }
        clock.advance(Duration.ofMinutes(16));
        problem(api.login(user.email(), WRONG), 401);
        expect(api.login(user.email(), UserApi.PASSWORD), 200);
    }

    @Test
    void successResetsTheFailureCount() {
        UserApi api = new UserApi(target);
        UserApi.Session user = api.newCustomer("forgetful");
        for (int attempt = 1; attempt <= 4; attempt++) {
            problem(api.login(user.email(), WRONG), 401);
        }
        expect(api.login(user.email(), UserApi.PASSWORD), 200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            problem(api.login(user.email(), WRONG), 401);
        }
        expect(api.login(user.email(), UserApi.PASSWORD), 200);
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        UserApi api = new UserApi(target);
        UserApi.Session user = api.newCustomer("sameanswer");
        JsonNode wrongPassword = problem(api.login(user.email(), WRONG), 401);
        JsonNode unknownEmail = problem(api.login(TestDatabases.uniqueEmail("nobody"), WRONG), 401);
        assertThat(unknownEmail.get("detail").asText()).isEqualTo(wrongPassword.get("detail").asText());
        assertThat(unknownEmail.get("title").asText()).isEqualTo(wrongPassword.get("title").asText());
    }
}
