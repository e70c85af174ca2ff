package dev.cairn.testsupport;

import dev.cairn.launcher.infra.Databases;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Databases a test owns, so tests run in any order and side by side on a shared PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /**
     * Creates a new, empty database named {@code <prefix>_<random>} on the test PostgreSQL.
     *
     * @return its JDBC URL
     */
    public static String createUnique(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .toLowerCase(Locale.ROOT);
        String server = TestInfrastructure.postgresUrl();
        Databases.ensure(server, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword(), List.of(name));
        return Databases.withDatabase(server, name);
    }

    /** A unique e-mail address for a test user. */
    public static String uniqueEmail(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@test.cairn.dev";
    }
}
