package dev.cairn.commons.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatastoreFailuresTest {

    @Test
    void recognisesAnUnreachableDatabaseThroughWrappers() {
        RuntimeException wrapped = new RuntimeException("rollback", new IllegalStateException("jdbc",
                new SQLTransientConnectionException("users - Connection is not available")));
        assertThat(DatastoreFailures.isUnavailable(wrapped)).isTrue();
        assertThat(DatastoreFailures.isUnavailable(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(DatastoreFailures.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatastoreFailures.isUnavailable(new RuntimeException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void recognisesAUniqueViolation() {
        RuntimeException wrapped = new RuntimeException(new SQLException("duplicate key", "23505"));
        assertThat(DatastoreFailures.isUniqueViolation(wrapped)).isTrue();
        assertThat(DatastoreFailures.isUnavailable(wrapped)).isFalse();
    }

    @Test
    void ordinaryErrorsAreNeither() {
        IllegalStateException bug = new IllegalStateException("bug");
        assertThat(DatastoreFailures.isUnavailable(bug)).isFalse();
        assertThat(DatastoreFailures.isUniqueViolation(bug)).isFalse();
        assertThat(DatastoreFailures.isUniqueViolation(new SQLException("syntax", "42601"))).isFalse();
    }
}
