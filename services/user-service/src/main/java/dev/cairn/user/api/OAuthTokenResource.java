package dev.cairn.user.api;

import dev.cairn.commons.problem.Problem;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.user.service.Authentication;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The OAuth 2.0 token endpoint, for service accounts only: {@code grant_type=client_credentials} with the client's
 * credentials in HTTP Basic ({@code client_secret_basic}) or in the form ({@code client_secret_post}).
 */
@Path("/oauth2/token")
@PermitAll
@ApplicationScoped
@Tag(name = "auth")
public class OAuthTokenResource {

    private final Authentication authentication;

    @Inject
    public OAuthTokenResource(Authentication authentication) {
        this.authentication = authentication;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an access token to a service account (client_credentials grant)")
    @APIResponse(responseCode = "200", description = "Token", content = @Content(schema = @Schema(implementation = ClientTokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or unsupported grant_type", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "Unknown client or wrong secret", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response token(@FormParam("grant_type") String grantType,
                          @FormParam("client_id") String clientId,
                          @FormParam("client_secret") String clientSecret,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @Context ContainerRequestContext context) {
        if (grantType == null || grantType.isBlank()) {
            throw ProblemException.invalidField("grant_type", "is required; this endpoint supports client_credentials");
        }
        if (!grantType.equals("client_credentials")) {
            throw ProblemException.invalidField("grant_type", "'" + grantType + "' is not supported; use client_credentials");
        }
        String id = clientId;
        String secret = clientSecret;
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            String[] basic = decodeBasic(authorization.substring(6).trim());
            id = basic[0];
            secret = basic[1];
        }
        if (id == null || id.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "Client credentials are required (HTTP Basic or client_id/client_secret)");
        }
        return AuthResource.noStore(ClientTokenResponse.of(
                authentication.clientCredentials(id, secret, RequestOrigin.ip(context))));
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no colon");
            }
            // RFC 6749 section 2.3.1: both parts are form-urlencoded before Basic encoding.
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "The Authorization header is not valid HTTP Basic");
        }
    }
}
