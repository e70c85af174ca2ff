package dev.cairn.user.service;

import dev.cairn.commons.metrics.Meters;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.user.domain.AuditAction;
import dev.cairn.user.domain.Emails;
import dev.cairn.user.domain.LockoutPolicy;
import dev.cairn.user.domain.Role;
import dev.cairn.user.persistence.RefreshTokenEntity;
import dev.cairn.user.persistence.RefreshTokenRepository;
import dev.cairn.user.persistence.UserEntity;
import dev.cairn.user.persistence.UserRepository;
import dev.cairn.user.security.AuthSettings;
import dev.cairn.user.security.IssuedToken;
import dev.cairn.user.security.PasswordHasher;
import dev.cairn.user.security.RefreshTokens;
import dev.cairn.user.security.ServiceClients;
import dev.cairn.user.security.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Logins, refresh-token rotation, logout and the {@code client_credentials} grant. Failed attempts are committed
 * (they count towards the lockout and are audited) even though the request fails, hence
 * {@code dontRollbackOn = ProblemException}.
 */
@ApplicationScoped
public class Authentication {

    private static final String BAD_CREDENTIALS = "Email or password is wrong";
    private static final String BAD_REFRESH_TOKEN = "The refresh token is not valid; log in again";

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final ServiceClients clients;
    private final AuthSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final MetricRegistry metrics;

    @Inject
    public Authentication(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                          TokenIssuer issuer, ServiceClients clients, AuthSettings settings, AuditLog audit,
                          Clock clock, @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry metrics) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.clients = clients;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Checks email and password and starts a new session (refresh-token family). Unknown emails and wrong passwords
     * get the same 401 after the same amount of hashing work; the failure that reaches the policy's limit locks the
     * account, and a locked account gets 423 with {@code Retry-After}.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenPair login(String email, String password, String ip) {
        String normalized = Emails.normalize(email);
        Actor actor = new Actor(null, normalized, ip);
        Optional<UserEntity> found = users.findByEmail(normalized);
        if (found.isEmpty()) {
            hasher.verifyDecoy(password);
            audit.record(AuditAction.LOGIN_FAILURE, actor, null, "unknown email");
            throw loginFailed("failure");
        }
        UserEntity user = users.findForUpdate(found.get().id()).orElseThrow(() -> loginFailed("failure"));
        actor = new Actor(user.id().toString(), user.email(), ip);
        Instant now = clock.instant();
        LockoutPolicy policy = settings.lockoutPolicy();
        if (LockoutPolicy.isLocked(user.lockedUntil(), now)) {
            audit.record(AuditAction.LOGIN_LOCKED, actor, user.id().toString(), "until " + user.lockedUntil());
            throw locked(user.lockedUntil(), now);
        }
        if (!hasher.matches(password, user.passwordHash())) {
            users.addLoginFailure(user.id(), now);
            audit.record(AuditAction.LOGIN_FAILURE, actor, user.id().toString(), "wrong password");
            if (policy.locks(users.countLoginFailuresSince(user.id(), policy.windowStart(now)))) {
                user.lockUntil(policy.lockedUntil(now));
                users.clearLoginFailures(user.id());
                audit.record(AuditAction.ACCOUNT_LOCKED, actor, user.id().toString(), "until " + user.lockedUntil());
            }
            throw loginFailed("failure");
        }
        users.clearLoginFailures(user.id());
        user.lockUntil(null);
        if (hasher.needsRehash(user.passwordHash())) {
            user.changePasswordHash(hasher.hash(password));
        }
        audit.record(AuditAction.LOGIN_SUCCESS, actor, user.id().toString(), null);
        countLogin("success");
        return issuePair(user, UUID.randomUUID(), now);
    }

    /**
     * Exchanges a refresh token for a new pair. A token can be used once: presenting a used one means it was
     * stolen or replayed, so its whole family is revoked and the request fails.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenPair refresh(String refreshToken, String ip) {
        Instant now = clock.instant();
        RefreshTokenEntity token = refreshTokens.findByHash(RefreshTokens.hash(refreshToken))
                .orElseThrow(() -> unauthorized(BAD_REFRESH_TOKEN));
        if (token.revokedAt() != null) {
            throw unauthorized(BAD_REFRESH_TOKEN);
        }
        if (token.usedAt() != null || !refreshTokens.markUsed(token.id(), now)) {
            refreshTokens.revokeFamily(token.familyId(), now);
            audit.record(AuditAction.REFRESH_TOKEN_REUSED, new Actor(token.userId().toString(), null, ip),
                    token.userId().toString(), "family " + token.familyId() + " revoked");
            throw unauthorized("This refresh token was already used; every session of that login has been revoked");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw unauthorized("The refresh token has expired; log in again");
        }
        UserEntity user = users.find(token.userId()).orElseThrow(() -> unauthorized(BAD_REFRESH_TOKEN));
        return issuePair(user, token.familyId(), now);
    }

    /** Revokes the session (family) of the refresh token; unknown tokens are ignored. */
    @Transactional
    public void logout(String refreshToken) {
        refreshTokens.findByHash(RefreshTokens.hash(refreshToken))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant()));
    }

    /** The {@code client_credentials} grant: an access token for a configured service account. */
    @Transactional(dontRollbackOn = ProblemException.class)
    public IssuedToken clientCredentials(String clientId, String clientSecret, String ip) {
        Actor actor = new Actor(clientId, null, ip);
        return clients.authenticate(clientId, clientSecret)
                .map(client -> {
                    audit.record(AuditAction.CLIENT_TOKEN_ISSUED, actor, client.id(), null);
                    return issuer.accessToken(client.id(), client.id(), client.roles());
                })
                .orElseThrow(() -> {
                    audit.record(AuditAction.CLIENT_AUTH_FAILURE, actor, null, null);
                    return unauthorized("Unknown client or wrong client secret");
                });
    }

    private TokenPair issuePair(UserEntity user, UUID familyId, Instant now) {
        String refreshToken = RefreshTokens.newToken();
        refreshTokens.add(new RefreshTokenEntity(familyId, user.id(), RefreshTokens.hash(refreshToken), now,
                now.plus(settings.refreshTokenLifetime())));
        IssuedToken access = issuer.accessToken(user.id().toString(), user.email(),
                user.roles().stream().map(Role::value).sorted().toList());
        return new TokenPair(access, refreshToken);
    }

    private ProblemException loginFailed(String result) {
        countLogin(result);
        return unauthorized(BAD_CREDENTIALS);
    }

    private ProblemException locked(Instant until, Instant now) {
        countLogin("locked");
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        return new ProblemException(ProblemType.LOCKED, "The account is locked after too many failed logins; "
                + "try again after " + until, null, Map.of("Retry-After", Long.toString(seconds)));
    }

    private void countLogin(String result) {
        Meters.counter(metrics, "cairn_auth_logins", new Tag("result", result)).inc();
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(ProblemType.UNAUTHORIZED, detail, null,
                Map.of("WWW-Authenticate", "Bearer realm=\"cairn\""));
    }
}
