package dev.cairn.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static dev.cairn.testsupport.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event store holding an event that cannot be replayed refuses a read-model rebuild with a 409 problem naming the
 * order, and leaves the read model as it was (no 500, no half-rebuilt table).
 */
@HelidonTest
@AddConfig(key = "cairn.relay.enabled", value = "false") // the broken rows must not reach the brokers
class ReadModelRebuildRefusalTest {

    @Inject
    WebTarget target;

    @Inject
    @Named("orders")
    DataSource dataSource;

    @Test
    void anUndecodableEventRefusesTheRebuildAndTouchesNothing() throws Exception {
        assertRefusedFor("order.created", "{\"orderId\": 42, \"lines\": \"not a list\"}");
    }

    @Test
    void anUnknownEventTypeRefusesTheRebuild() throws Exception {
        assertRefusedFor("order.teleported", "{}");
    }

    @Test
    void aHistoryThatDoesNotReplayRefusesTheRebuild() throws Exception {
        assertRefusedFor("order.created", "{}");
    }

    private void assertRefusedFor(String type, String payload) throws SQLException {
        String order = UUID.randomUUID().toString();
        long rowsBefore = readModelRows();
        insertEvent(order, type, payload);
        try {
            JsonNode refused = problem(new OrderApi(target).request("/api/v1/admin/orders/read-model/rebuild",
                    OrderApi.admin()).post(Entity.json("{}")), 409);
            assertThat(refused.get("detail").asText()).contains(order).contains("left as it was");
            assertThat(readModelRows()).isEqualTo(rowsBefore);
        } finally {
            deleteEvents(order);
        }
    }

    private void insertEvent(String order, String type, String payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into event_store (id, aggregate_type, "
                     + "aggregate_id, sequence, type, payload, metadata, occurred_at) values (?, 'order', ?, 1, ?, "
                     + "?, '{}', now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, order);
            insert.setString(3, type);
            insert.setString(4, payload);
            insert.executeUpdate();
        }
    }

    private void deleteEvents(String order) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from event_store where aggregate_id = ?")) {
            delete.setString(1, order);
            delete.executeUpdate();
        }
    }

    private long readModelRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from orders_view");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
