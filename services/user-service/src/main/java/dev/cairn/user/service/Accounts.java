package dev.cairn.user.service;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.user.domain.AuditAction;
import dev.cairn.user.domain.Emails;
import dev.cairn.user.domain.Role;
import dev.cairn.user.persistence.RefreshTokenRepository;
import dev.cairn.user.persistence.UserEntity;
import dev.cairn.user.persistence.UserRepository;
import dev.cairn.user.security.AuthSettings;
import dev.cairn.user.security.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * User accounts: registration, profile changes, roles and deletion. Every change is audited and emits its event
 * through the outbox in the same transaction.
 */
@ApplicationScoped
public class Accounts {

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AuthSettings settings;
    private final UserEvents events;
    private final AuditLog audit;
    private final Clock clock;
    private final Counter registered;

    @Inject
    public Accounts(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                    AuthSettings settings, UserEvents events, AuditLog audit, Clock clock,
                    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.settings = settings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.registered = Meters.counter(metrics, "cairn_users_registered");
    }

    /** Creates a customer account; 409 when the email (in any case) is taken, 400 for a weak password. */
    @Transactional
    public UserEntity register(String email, String password, String name, Actor actor) {
        UserEntity user = create(email, password, name, EnumSet.of(Role.CUSTOMER));
        audit.record(AuditAction.USER_REGISTERED, new Actor(user.id().toString(), user.email(), actor.ip()),
                user.id().toString(), null);
        registered.inc();
        return user;
    }

    /**
     * Makes sure the account {@code email} exists and is an admin (the bootstrap admin of
     * {@code CAIRN_ADMIN_EMAIL}); an existing account keeps its password.
     *
     * @return whether anything changed
     */
    @Transactional
    public boolean ensureAdmin(String email, String password) {
        return ensureAdmin(email, password, false);
    }

    /**
     * Like {@link #ensureAdmin(String, String)}; with {@code resetPassword} an existing account's password is set to
     * {@code password} too (local development: {@code cairn up} keeps its admin's password in a file).
     */
    @Transactional
    public boolean ensureAdmin(String email, String password, boolean resetPassword) {
        Optional<UserEntity> existing = users.findByEmail(Emails.normalize(email));
        if (existing.isEmpty()) {
            UserEntity admin = create(email, password, "Administrator", EnumSet.of(Role.ADMIN, Role.CUSTOMER));
            audit.record(AuditAction.USER_REGISTERED, Actor.system(), admin.id().toString(), "bootstrap admin");
            registered.inc();
            return true;
        }
        UserEntity user = users.findForUpdate(existing.get().id()).orElseThrow();
        boolean reset = resetPassword && !hasher.matches(password, user.passwordHash());
        if (reset) {
            rejectWeak(password, user.email());
            user.changePasswordHash(hasher.hash(password));
            refreshTokens.revokeAllOf(user.id(), clock.instant());
            audit.record(AuditAction.PASSWORD_CHANGED, Actor.system(), user.id().toString(), "bootstrap admin password reset");
        }
        if (user.roles().contains(Role.ADMIN)) {
            return reset;
        }
        Set<Role> roles = EnumSet.copyOf(user.roles().isEmpty() ? Set.of(Role.CUSTOMER) : user.roles());
        roles.add(Role.ADMIN);
        changeRoles(user, roles, Actor.system());
        return true;
    }

    @Transactional
    public Optional<UserEntity> find(UUID id) {
        return users.find(id);
    }

    /** Up to {@code limit + 1} users matching {@code query}, in listing order. */
    @Transactional
    public List<UserEntity> list(String query, PageRequest page) {
        return users.page(query, page);
    }

    /** A user's change of their own account: a new email or password needs the current password. */
    @Transactional
    public UserEntity updateOwn(UUID id, ProfileChange change, Actor actor) {
        UserEntity user = users.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("User", id));
        if (change.changesCredentials() && (change.currentPassword() == null
                || !hasher.matches(change.currentPassword(), user.passwordHash()))) {
            throw ProblemException.invalidField("currentPassword",
                    "must be your current password to change email or password");
        }
        return apply(user, change, actor);
    }

    /** An admin's change of any account (no current password needed). */
    @Transactional
    public UserEntity updateAny(UUID id, ProfileChange change, Actor actor) {
        UserEntity user = users.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("User", id));
        return apply(user, change, actor);
    }

    /** Replaces the roles of a user; an admin cannot take the admin role from themselves. */
    @Transactional
    public UserEntity replaceRoles(UUID id, Set<Role> roles, Actor actor) {
        UserEntity user = users.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("User", id));
        if (id.toString().equals(actor.id()) && !roles.contains(Role.ADMIN)) {
            throw ProblemException.conflict("You cannot remove the admin role from yourself; ask another admin");
        }
        if (!roles.equals(user.roles())) {
            changeRoles(user, roles, actor);
        }
        return user;
    }

    /**
     * Counts an order of the user ({@code order.created} event {@code eventId}), once per event; orders of users
     * who no longer exist are ignored.
     *
     * @return whether the count changed
     */
    @Transactional
    public boolean orderPlaced(String eventId, String userId) {
        if (!users.markProcessed("profile.order-count", eventId, clock.instant())) {
            return false;
        }
        try {
            return users.countOrder(UUID.fromString(userId));
        } catch (IllegalArgumentException notAUser) {
            return false;
        }
    }

    /** Deletes the account and its sessions; the audit log keeps the record of it. */
    @Transactional
    public void delete(UUID id, Actor actor) {
        UserEntity user = users.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("User", id));
        user.recordChange(clock.instant());
        events.deleted(user);
        refreshTokens.revokeAllOf(id, clock.instant());
        users.remove(user);
        audit.record(AuditAction.USER_DELETED, actor, id.toString(), null);
    }

    private UserEntity create(String email, String password, String name, Set<Role> roles) {
        String normalized = Emails.normalize(email);
        rejectWeak(password, normalized);
        if (users.findByEmail(normalized).isPresent()) {
            throw emailTaken();
        }
        UserEntity user = new UserEntity(UUID.randomUUID(), normalized, name.trim(), hasher.hash(password), roles,
                clock.instant());
        users.add(user);
        events.created(user);
        return user;
    }

    private UserEntity apply(UserEntity user, ProfileChange change, Actor actor) {
        boolean changed = false;
        if (change.email() != null) {
            String email = Emails.normalize(change.email());
            if (!email.equals(user.email())) {
                Optional<UserEntity> holder = users.findByEmail(email);
                if (holder.isPresent() && !holder.get().id().equals(user.id())) {
                    throw emailTaken();
                }
                user.changeEmail(email);
                changed = true;
            }
        }
        if (change.name() != null && !change.name().trim().equals(user.name())) {
            user.rename(change.name().trim());
            changed = true;
        }
        if (change.password() != null) {
            rejectWeak(change.password(), user.email());
            user.changePasswordHash(hasher.hash(change.password()));
            refreshTokens.revokeAllOf(user.id(), clock.instant());
            audit.record(AuditAction.PASSWORD_CHANGED, actor, user.id().toString(), "all sessions revoked");
        }
        if (changed) {
            user.recordChange(clock.instant());
            events.updated(user);
            audit.record(AuditAction.USER_UPDATED, actor, user.id().toString(), null);
        }
        return user;
    }

    private void changeRoles(UserEntity user, Set<Role> roles, Actor actor) {
        String before = names(user.roles());
        user.replaceRoles(roles);
        user.recordChange(clock.instant());
        events.updated(user);
        audit.record(AuditAction.ROLES_CHANGED, actor, user.id().toString(), before + " -> " + names(roles));
    }

    private void rejectWeak(String password, String email) {
        settings.passwordPolicy().violation(password, email).ifPresent(problem -> {
            throw ProblemException.invalidField("password", problem);
        });
    }

    private static ProblemException emailTaken() {
        return new ProblemException(ProblemType.CONFLICT, "An account with this email address already exists");
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::value).sorted().collect(Collectors.joining(",", "[", "]"));
    }
}
