package dev.cairn.commons.security;

import dev.cairn.commons.problem.ProblemMapperSupport;
import dev.cairn.commons.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Map;

/**
 * Rejects bearer tokens that are not valid yet ({@code nbf} in the future, beyond {@link #CLOCK_SKEW_SECONDS}).
 * Helidon's MicroProfile JWT provider checks {@code exp}, {@code iss}, {@code aud} and the signature but not
 * {@code nbf}, so Cairn adds that check after authentication.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 10)
public class NotBeforeFilter extends ProblemMapperSupport implements ContainerRequestFilter {

    /** Tolerated difference between the issuer's clock and ours. */
    public static final long CLOCK_SKEW_SECONDS = 30;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext() == null
                || !(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        Long notBefore = epochSeconds(token.getClaim("nbf"));
        if (notBefore != null && notBefore > Instant.now().getEpochSecond() + CLOCK_SKEW_SECONDS) {
            request.abortWith(respond(ProblemType.UNAUTHORIZED.problem("The bearer token is not valid yet (nbf)"),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cairn\", error=\"invalid_token\"")));
        }
    }

    private static Long epochSeconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof jakarta.json.JsonNumber number) {
            return number.longValue();
        }
        if (claim != null) {
            try {
                return Long.parseLong(claim.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
