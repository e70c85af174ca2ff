package dev.cairn.order;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads the order service's tables directly, to check what the API does not show (payments, reservations). */
public final class OrderDatabase {

    private final DataSource dataSource;

    public OrderDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<String> paymentStatus(String orderId) {
        return text("select status from payments where order_id = ?::uuid", orderId);
    }

    public long reservedUnits(String orderId) {
        return number("select coalesce(sum(quantity), 0) from inventory_reservations where order_id = ?::uuid and status = 'RESERVED'", orderId);
    }

    /** A count (or any single number) from a query with positional parameters. */
    public long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an insert, update or delete with positional parameters (test set-up and clean-up). */
    public void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> text(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long number(String sql, String parameter) {
        return count(sql, parameter);
    }
}
