package dev.cairn.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.commons.events.CairnEvent;
import dev.cairn.commons.events.EventCodec;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.cairn.user.UserApi.expect;
import static dev.cairn.user.UserApi.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Every account change leaves its CloudEvent in the outbox, in order; a failed change leaves none. */
@HelidonTest
class UserEventsOutboxTest {

    @Inject
    WebTarget target;
    @Inject
    @Named("users")
    DataSource dataSource;

    private List<CairnEvent> outboxOf(String userId) throws SQLException {
        List<CairnEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select payload from cairn_outbox where aggregate_type = 'user' and aggregate_id = ? order by sequence")) {
            select.setString(1, userId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new EventCodec().decode(rows.getString(1).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return events;
    }

    @Test
    void createdUpdatedDeletedAreWrittenWithIncreasingSequence() throws Exception {
        UserApi api = new UserApi(target);
        UserApi.Session session = api.newCustomer("events");
        expect(api.as("/api/v1/users/me", session.accessToken()).method("PATCH", Entity.json(Map.of("name", "Evented"))), 200);
        expect(api.as("/api/v1/users/me", session.accessToken()).delete(), 204);

        List<CairnEvent> events = outboxOf(session.id());
        assertThat(events).extracting(CairnEvent::type).containsExactly("user.created", "user.updated", "user.deleted");
        assertThat(events).extracting(CairnEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.subject()).isEqualTo(session.id());
            assertThat(event.source().toString()).isEqualTo("/cairn/user-service");
            assertThat(event.dataVersion()).isEqualTo("1");
        });
        JsonNode created = events.get(0).data();
        assertThat(created.get("email").asText()).isEqualTo(session.email().toLowerCase());
        assertThat(created.has("passwordHash")).isFalse();
        assertThat(new ObjectMapper().writeValueAsString(created)).doesNotContain(UserApi.PASSWORD);
        assertThat(events.get(1).data().get("name").asText()).isEqualTo("Evented");
    }

    @Test
    void aRejectedChangeWritesNoEvent() throws Exception {
        UserApi api = new UserApi(target);
        UserApi.Session first = api.newCustomer("taken");
        UserApi.Session second = api.newCustomer("taker");
        problem(api.as("/api/v1/users/me", second.accessToken()).method("PATCH",
                Entity.json(Map.of("email", first.email(), "currentPassword", UserApi.PASSWORD))), 409);
        assertThat(outboxOf(second.id())).extracting(CairnEvent::type).containsExactly("user.created");
    }

    @Test
    void unchangedProfileWritesNoEvent() throws Exception {
        UserApi api = new UserApi(target);
        UserApi.Session session = api.newCustomer("Same");
        expect(api.as("/api/v1/users/me", session.accessToken()).method("PATCH", Entity.json(Map.of("name", "Same"))), 200);
        assertThat(outboxOf(session.id())).hasSize(1);
    }
}
