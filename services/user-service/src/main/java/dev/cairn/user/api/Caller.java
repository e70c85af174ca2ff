package dev.cairn.user.api;

import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.user.service.Actor;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The authenticated caller of a protected endpoint, read from the verified access token. */
final class Caller {

    private Caller() {
    }

    /** The caller's user id ({@code sub}); 404 when the token belongs to a service account, not a user. */
    static UUID userId(SecurityContext security) {
        String subject = token(security).getSubject();
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "This token belongs to a service account, not a user");
        }
    }

    /** The caller as the audit log records it. */
    static Actor actor(SecurityContext security, ContainerRequestContext request) {
        JsonWebToken token = token(security);
        return new Actor(token.getSubject(), token.getName(), RequestOrigin.ip(request));
    }

    private static JsonWebToken token(SecurityContext security) {
        if (security.getUserPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw new ProblemException(ProblemType.UNAUTHORIZED, "A valid bearer token is required");
    }
}
