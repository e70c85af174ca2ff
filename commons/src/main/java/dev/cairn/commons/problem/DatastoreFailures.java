package dev.cairn.commons.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises datastore errors that are not bugs, whatever framework wrapped them: a database that cannot be
 * reached (503, try again) and a unique-constraint violation that lost a race with another request (409).
 */
public final class DatastoreFailures {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_DEPTH = 16;
    /** By name: Jedis is an optional dependency, absent from services without Redis (the user service). */
    private static final String JEDIS_CONNECTION_EXCEPTION = "redis.clients.jedis.exceptions.JedisConnectionException";

    private DatastoreFailures() {
    }

    /** Whether the error, or one of its causes, says the datastore could not be reached or went away. */
    public static boolean isUnavailable(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof SQLTransientConnectionException
                    || current instanceof SQLNonTransientConnectionException
                    || current instanceof ConnectException
                    || isA(current, JEDIS_CONNECTION_EXCEPTION)) {
                return true;
            }
            if (current instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isA(Throwable error, String className) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the error, or one of its causes, is a unique-constraint violation (SQLSTATE 23505). */
    public static boolean isUniqueViolation(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
