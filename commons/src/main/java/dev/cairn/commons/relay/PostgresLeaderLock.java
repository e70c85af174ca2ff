package dev.cairn.commons.relay;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Leadership through a PostgreSQL session-level advisory lock, held on a connection of its own: the lock is released
 * by PostgreSQL when the holder's connection ends, so a crashed leader frees it at once.
 */
public final class PostgresLeaderLock implements LeaderLock {

    private static final Logger LOG = Logger.getLogger(PostgresLeaderLock.class.getName());

    private final DataSource dataSource;
    private final String name;
    private Connection connection;

    /** @param name what the lock guards, e.g. {@code relay:user-service} (hashed into the lock key) */
    public PostgresLeaderLock(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    @Override
    public synchronized boolean acquire() {
        try {
            if (connection != null && connection.isValid(2)) {
                return true;
            }
            close();
            Connection candidate = dataSource.getConnection();
            try (PreparedStatement lock = candidate.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, name);
                try (ResultSet result = lock.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        connection = candidate;
                        LOG.info(() -> "This instance now leads " + name);
                        return true;
                    }
                }
            }
            candidate.close();
            return false;
        } catch (SQLException e) {
            close();
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session, and with it the lock, is gone either way
            }
            connection = null;
        }
    }
}
