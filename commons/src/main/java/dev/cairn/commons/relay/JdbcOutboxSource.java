package dev.cairn.commons.relay;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The shared {@code cairn_outbox} table (commons' migration) as a relay source: unpublished rows in
 * {@code (created_at, id)} order; publishing sets {@code published_at}. Rows of one aggregate are written under that
 * aggregate's lock, so this order is their sequence order. Plain JDBC on the service's pool, outside any JTA
 * transaction.
 */
public final class JdbcOutboxSource implements OutboxSource {

    private final DataSource dataSource;

    public JdbcOutboxSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<PendingEvent> next(int max) throws Exception {
        List<PendingEvent> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select id, aggregate_id, sequence, event_type, payload "
                     + "from cairn_outbox where published_at is null order by created_at, id limit ?")) {
            select.setInt(1, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    events.add(new PendingEvent(id, rows.getString(2), rows.getLong(3), rows.getString(4),
                            rows.getString(5), id));
                }
            }
        }
        return events;
    }

    @Override
    public long backlog() throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from cairn_outbox where published_at is null");
             ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void published(List<PendingEvent> events) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update cairn_outbox set published_at = now(), attempts = attempts + 1 where id = any(?)")) {
            Array ids = connection.createArrayOf("uuid", events.stream().map(e -> UUID.fromString(e.position())).toArray());
            update.setArray(1, ids);
            update.executeUpdate();
        }
    }
}
