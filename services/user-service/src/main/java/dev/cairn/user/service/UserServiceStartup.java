package dev.cairn.user.service;

import dev.cairn.commons.config.ConfigValues;
import dev.cairn.commons.config.ConfigurationException;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.persistence.PostgresDataSources;
import dev.cairn.user.persistence.UsersDataSource;
import dev.cairn.user.security.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Prepares the service before it takes traffic, in this order: make sure the database is reachable and migrated (by
 * {@link UsersDataSource}, its producer), load the signing keys, make
 * sure the bootstrap admin ({@code CAIRN_ADMIN_EMAIL} / {@code CAIRN_ADMIN_PASSWORD}) exists. Any failure stops
 * the start with a message that says what to fix. Then the outbox relay starts publishing events.
 */
@ApplicationScoped
public class UserServiceStartup {

    private static final Logger LOG = Logger.getLogger(UserServiceStartup.class.getName());

    private final DataSource dataSource;
    private final KeyRing keys;
    private final Accounts accounts;
    private final UserEventRelay relay;
    private final Config config;

    @Inject
    public UserServiceStartup(@Named(UsersDataSource.NAME) DataSource dataSource, KeyRing keys, Accounts accounts,
                              UserEventRelay relay, Config config) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.accounts = accounts;
        this.relay = relay;
        this.config = config;
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        PostgresDataSources.requireReachable(dataSource); // creating it migrated the schema
        keys.load();
        bootstrapAdmin();
        relay.start();
    }

    private void bootstrapAdmin() {
        Optional<String> email = config.getOptionalValue("cairn.admin.email", String.class).filter(value -> !value.isBlank());
        if (email.isEmpty()) {
            return;
        }
        String password = ConfigValues.require(config, "cairn.admin.password",
                "set the bootstrap admin's password (at least 12 characters), or unset cairn.admin.email");
        boolean changed;
        try {
            changed = accounts.ensureAdmin(email.get(), password,
                    config.getOptionalValue("cairn.admin.reset-password", Boolean.class).orElse(false));
        } catch (ProblemException e) {
            throw new ConfigurationException("The bootstrap admin (cairn.admin.email / CAIRN_ADMIN_EMAIL, "
                    + "cairn.admin.password / CAIRN_ADMIN_PASSWORD) cannot be created: " + e.getMessage());
        }
        LOG.info(() -> "Bootstrap admin " + email.get() + (changed ? " created or promoted" : " already present"));
    }
}
