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

    @Test
    void worksInAProcessWithoutJedisOnTheClassPath() throws Exception {
        // the user service has no Redis client: checking an error there threw NoClassDefFoundError (a 500 from the
        // exception mapper itself, found by system-tests' HostileInputIT)
        ClassLoader withoutJedis = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.startsWith("redis.clients.")) {
                    throw new ClassNotFoundException(name);
                }
                String resource = name.replace('.', '/') + ".class";
                try (var in = DatastoreFailuresTest.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (java.io.IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        };
        Class<?> isolated = Class.forName(DatastoreFailures.class.getName(), true, withoutJedis);
        Object unavailable = isolated.getMethod("isUnavailable", Throwable.class)
                .invoke(null, new IllegalStateException("bug", new RuntimeException("cause")));
        assertThat(unavailable).isEqualTo(false);
    }

    @Test
    void recognisesALostRedisConnectionByItsClass() {
        assertThat(DatastoreFailures.isUnavailable(new RuntimeException(
                new redis.clients.jedis.exceptions.JedisConnectionException("refused")))).isTrue();
    }
}
