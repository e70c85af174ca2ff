package dev.cairn.user;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.testsupport.TestDatabases;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the database refuses connections, requests get a 503 problem with {@code Retry-After} (not a 500), and
 * the service recovers by itself when the database is back.
 */
@HelidonTest
@AddConfig(key = "cairn.postgres.connection-timeout", value = "1s")
class DatabaseOutageTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("users")
    DataSource users;

    @Test
    void databaseOutageIsA503AndRecovers() throws SQLException {
        HikariDataSource dataSource = users.unwrap(HikariDataSource.class);
        UserApi api = new UserApi(target);
        String email = TestDatabases.uniqueEmail("outage");
        String user = dataSource.getUsername();
        // New connections now fail to authenticate, and the open ones are closed: the database is "down".
        dataSource.getHikariConfigMXBean().setUsername("cairn_no_such_role");
        dataSource.getHikariPoolMXBean().softEvictConnections();
        try {
            Response down = api.register(email, UserApi.PASSWORD, "Outage");
            var body = problem(down, 503);
            assertThat(down.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(body.get("detail").asText()).contains("not reachable");
            problem(api.login(email, UserApi.PASSWORD), 503);
        } finally {
            dataSource.getHikariConfigMXBean().setUsername(user);
        }
        expect(api.register(email, UserApi.PASSWORD, "Outage"), 201);
        expect(api.login(email, UserApi.PASSWORD), 200);
    }
}
