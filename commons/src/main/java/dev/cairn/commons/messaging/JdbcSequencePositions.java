package dev.cairn.commons.messaging;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@link SequencePositions} in PostgreSQL table {@code cairn_consumer_positions} (migration
 * {@code db/consumer/V0_2}); each statement commits on its own.
 */
public final class JdbcSequencePositions implements SequencePositions {

    private final DataSource dataSource;
    private final String consumer;

    public JdbcSequencePositions(DataSource dataSource, String consumer) {
        this.dataSource = dataSource;
        this.consumer = consumer;
    }

    @Override
    public long last(String aggregate) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select last_sequence from cairn_consumer_positions where consumer = ? and aggregate = ?")) {
            select.setString(1, consumer);
            select.setString(2, aggregate);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the position of " + aggregate + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void advance(String aggregate, long sequence) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("insert into cairn_consumer_positions (consumer, "
                     + "aggregate, last_sequence, updated_at) values (?, ?, ?, now()) on conflict (consumer, aggregate) "
                     + "do update set last_sequence = greatest(cairn_consumer_positions.last_sequence, "
                     + "excluded.last_sequence), updated_at = now()")) {
            upsert.setString(1, consumer);
            upsert.setString(2, aggregate);
            upsert.setLong(3, sequence);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the position of " + aggregate + ": " + e.getMessage(), e);
        }
    }
}
