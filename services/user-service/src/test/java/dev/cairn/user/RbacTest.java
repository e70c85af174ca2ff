package dev.cairn.user;

import dev.cairn.testsupport.TestDatabases;
import dev.cairn.user.service.Accounts;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.json;
import static dev.cairn.user.UserApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every admin endpoint × {anonymous, customer, admin} → {401, 403, 2xx}; customers only reach themselves. */
@HelidonTest
class RbacTest {

    @Inject
    WebTarget target;
    @Inject
    Accounts accounts;

    private UserApi api;
    private UserApi.Session customer;
    private UserApi.Session admin;
    private String targetUserId;

    @BeforeEach
    void createCallers() {
        api = new UserApi(target);
        customer = api.newCustomer("rbac-customer");
        String adminEmail = TestDatabases.uniqueEmail("rbac-admin");
        accounts.ensureAdmin(adminEmail, UserApi.PASSWORD);
        admin = api.relogin(null, adminEmail);
        targetUserId = api.newCustomer("rbac-target").id();
    }

    private Response call(String method, String path, String body, String token) {
        String resolved = path.replace("{id}", targetUserId);
        var request = api.as(resolved, token);
        return body == null || body.isEmpty() ? request.method(method) : request.method(method, Entity.json(body));
    }

    @ParameterizedTest(name = "{0} {1} → anonymous 401, customer 403, admin {3}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /api/v1/users              |                                   | 200",
            "GET    | /api/v1/users/{id}         |                                   | 200",
            "PATCH  | /api/v1/users/{id}         | {\"name\":\"Renamed by admin\"}    | 200",
            "PUT    | /api/v1/users/{id}/roles   | {\"roles\":[\"customer\"]}        | 200",
            "DELETE | /api/v1/users/{id}         |                                   | 204",
            "GET    | /api/v1/audit              |                                   | 200"})
    void adminEndpointsNeedTheAdminRole(String method, String path, String body, int adminStatus) {
        problem(call(method, path, body, null), 401);
        problem(call(method, path, body, customer.accessToken()), 403);
        expect(call(method, path, body, admin.accessToken()), adminStatus);
    }

    @Test
    void meEndpointsNeedAToken() {
        problem(api.as("/api/v1/users/me", null).get(), 401);
        problem(api.as("/api/v1/users/me", null).method("PATCH", Entity.json(Map.of("name", "x"))), 401);
        problem(api.as("/api/v1/users/me", null).delete(), 401);
    }

    @Test
    void customerSeesOnlyThemself() {
        var me = json(expect(api.as("/api/v1/users/me", customer.accessToken()).get(), 200));
        assertThat(me.get("id").asText()).isEqualTo(customer.id());
        problem(api.as("/api/v1/users/" + targetUserId, customer.accessToken()).get(), 403);
    }

    @Test
    void adminGrantsAndRevokesRoles() {
        var promoted = json(expect(call("PUT", "/api/v1/users/{id}/roles", "{\"roles\":[\"customer\",\"admin\"]}",
                admin.accessToken()), 200));
        assertThat(promoted.get("roles")).extracting(n -> n.asText()).containsExactly("admin", "customer");
        var unknownRole = problem(call("PUT", "/api/v1/users/{id}/roles", "{\"roles\":[\"superuser\"]}",
                admin.accessToken()), 400);
        assertThat(unknownRole.get("errors").get(0).get("field").asText()).isEqualTo("roles[0]");
        problem(call("PUT", "/api/v1/users/{id}/roles", "{\"roles\":[]}", admin.accessToken()), 400);
    }

    @Test
    void bootstrapAdminIsIdempotentAndPromotesAnExistingCustomer() {
        String email = TestDatabases.uniqueEmail("bootstrap");
        assertThat(accounts.ensureAdmin(email, UserApi.PASSWORD)).isTrue();
        assertThat(accounts.ensureAdmin(email, "another password entirely")).isFalse();
        expect(api.login(email, UserApi.PASSWORD), 200);
        // cairn up's local admin: the configured password wins.
        assertThat(accounts.ensureAdmin(email, "another password entirely", true)).isTrue();
        expect(api.login(email, "another password entirely"), 200);
        assertThat(accounts.ensureAdmin(email, "another password entirely", true)).isFalse();

        assertThat(accounts.ensureAdmin(customer.email().toUpperCase(), "ignored for an existing account")).isTrue();
        UserApi.Session promoted = api.relogin(customer.id(), customer.email());
        expect(api.as("/api/v1/users", promoted.accessToken()).get(), 200);
    }

    @Test
    void adminCannotDemoteThemself() {
        String adminId = json(expect(api.as("/api/v1/users/me", admin.accessToken()).get(), 200)).get("id").asText();
        problem(api.as("/api/v1/users/" + adminId + "/roles", admin.accessToken())
                .put(Entity.json(Map.of("roles", List.of("customer")))), 409);
    }

    @Test
    void adminListsAndSearchesUsersPageByPage() {
        String marker = "pager" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            api.register(TestDatabases.uniqueEmail(marker), UserApi.PASSWORD, "Pager " + i);
        }
        var first = json(expect(api.as("/api/v1/users?limit=2&q=" + marker, admin.accessToken()).get(), 200));
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asText();
        var second = json(expect(api.as("/api/v1/users?limit=2&q=" + marker + "&cursor=" + cursor, admin.accessToken()).get(), 200));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        problem(api.as("/api/v1/users?limit=0", admin.accessToken()).get(), 400);
        problem(api.as("/api/v1/users?limit=101", admin.accessToken()).get(), 400);
        problem(api.as("/api/v1/users?cursor=%21%21not-a-cursor", admin.accessToken()).get(), 400);
    }

    @Test
    void auditLogRecordsLoginsRoleChangesAndDeletes() {
        problem(api.login(customer.email(), "not the right password at all"), 401);
        call("PUT", "/api/v1/users/{id}/roles", "{\"roles\":[\"customer\",\"admin\"]}", admin.accessToken());
        call("DELETE", "/api/v1/users/{id}", null, admin.accessToken());

        var failures = json(expect(api.as("/api/v1/audit?action=LOGIN_FAILURE&userId=" + customer.id(),
                admin.accessToken()).get(), 200));
        assertThat(failures.get("items")).isNotEmpty();
        var failure = failures.get("items").get(0);
        assertThat(failure.get("actorEmail").asText()).isEqualTo(customer.email().toLowerCase());
        assertThat(failure.get("ip").asText()).isNotBlank();
        assertThat(failure.get("occurredAt").asText()).isNotBlank();

        var successes = json(expect(api.as("/api/v1/audit?action=login_success&userId=" + customer.id(),
                admin.accessToken()).get(), 200));
        assertThat(successes.get("items")).isNotEmpty();
        var targetHistory = json(expect(api.as("/api/v1/audit?userId=" + targetUserId, admin.accessToken()).get(), 200));
        assertThat(targetHistory.get("items")).extracting(n -> n.get("action").asText())
                .contains("ROLES_CHANGED", "USER_DELETED");
        problem(api.as("/api/v1/audit?action=NOT_AN_ACTION", admin.accessToken()).get(), 400);
    }
}
