package dev.cairn.order;

import dev.cairn.commons.relay.PendingEvent;
import dev.cairn.order.persistence.EventStoreOutbox;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's cursor over the event store: an event of a transaction that took its transaction id before another's
 * but its position after it, and commits last, is still published (ChaosIT lost one such event under load when the
 * cursor was the position alone).
 */
@HelidonTest
@AddConfig(key = "cairn.relay.enabled", value = "false")
class EventStoreOutboxTest {

    @Inject
    @Named("orders")
    DataSource dataSource;

    @Test
    void anEventCommittedBelowThePublishedPositionIsNotSkipped() throws Exception {
        String relay = "cursor-test-" + UUID.randomUUID();
        String order = UUID.randomUUID().toString();
        try {
            publishesBothWhicheverCommitsLast(relay, order);
        } finally {
            // the rows are not real orders: other tests rebuild the read model from the whole event store
            removeTheTestsRows(relay, order);
        }
    }

    private void publishesBothWhicheverCommitsLast(String relay, String order) throws Exception {
        startAtTheEnd(relay);
        EventStoreOutbox outbox = new EventStoreOutbox(dataSource, relay);
        try (Connection early = dataSource.getConnection(); Connection late = dataSource.getConnection()) {
            early.setAutoCommit(false);
            late.setAutoCommit(false);
            takeATransactionId(early);
            takeATransactionId(late);
            append(late, order, 1);   // the lower position, in the transaction that commits last
            append(early, order, 2);  // the higher position, in the older transaction
            early.commit();

            List<PendingEvent> first = outbox.next(100);
            assertThat(first).extracting(PendingEvent::sequence).as("only what has committed").containsExactly(2L);
            outbox.published(first);
            late.commit();
        }
        List<PendingEvent> second = outbox.next(100);
        assertThat(second).extracting(PendingEvent::sequence).as("the late commit, not skipped").containsExactly(1L);
        outbox.published(second);
        assertThat(outbox.next(100)).isEmpty();
        assertThat(outbox.backlog()).isZero();
    }

    private void removeTheTestsRows(String relay, String order) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement events = connection.prepareStatement("delete from event_store where aggregate_id = ?");
             PreparedStatement cursor = connection.prepareStatement("delete from event_relay_positions where relay = ?")) {
            events.setString(1, order);
            events.executeUpdate();
            cursor.setString(1, relay);
            cursor.executeUpdate();
        }
    }

    /** A new relay's cursor after every event already stored, so the test sees only its own. */
    private void startAtTheEnd(String relay) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement start = connection.prepareStatement("insert into event_relay_positions (relay, "
                     + "last_transaction_id, last_position, updated_at) select ?, coalesce(max(transaction_id), '0'), "
                     + "coalesce(max(position), 0), now() from event_store")) {
            start.setString(1, relay);
            start.executeUpdate();
        }
    }

    private static void takeATransactionId(Connection connection) throws SQLException {
        try (PreparedStatement id = connection.prepareStatement("select pg_current_xact_id()")) {
            id.executeQuery().close();
        }
    }

    private static void append(Connection connection, String order, long sequence) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into event_store (id, aggregate_type, "
                + "aggregate_id, sequence, type, payload, metadata, occurred_at) values (?, 'order', ?, ?, "
                + "'order.created', '{}', '{}', now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, order);
            insert.setLong(3, sequence);
            insert.executeUpdate();
        }
    }
}
