package dev.cairn.order.api;

import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller, from the verified access token. */
final class Caller {

    private Caller() {
    }

    /** The caller's id ({@code sub}). */
    static String id(SecurityContext security) {
        if (security.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        throw new ProblemException(ProblemType.UNAUTHORIZED, "A valid bearer token is required");
    }

    static boolean isAdmin(SecurityContext security) {
        return security.isUserInRole("admin");
    }
}
