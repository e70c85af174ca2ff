package dev.cairn.user.api;

import dev.cairn.commons.problem.Problem;
import dev.cairn.user.service.Accounts;
import dev.cairn.user.service.Actor;
import dev.cairn.user.service.Authentication;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registration, login, refresh and logout (CONTRACT.md section 3). */
@Path("/api/v1/auth")
@PermitAll
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts and sessions")
public class AuthResource {

    private final Accounts accounts;
    private final Authentication authentication;

    @Inject
    public AuthResource(Accounts accounts, Authentication authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create a customer account",
            description = "Password: at least 12 characters and not the email address. Emails are case-insensitive.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Email already registered", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(@Valid @NotNull RegisterRequest request, @Context UriInfo uriInfo,
                             @Context ContainerRequestContext context) {
        UserResponse user = UserResponse.of(accounts.register(request.email(), request.password(), request.name(),
                Actor.anonymous(RequestOrigin.ip(context))));
        return Response.created(uriInfo.getBaseUriBuilder().path("api/v1/users/{id}").build(user.id()))
                .entity(user)
                .build();
    }

    @POST
    @Path("/login")
    @Operation(summary = "Log in with email and password",
            description = "5 failures within 15 minutes lock the account for 15 minutes (423).")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Email or password is wrong", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "423", description = "Account locked; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response login(@Valid @NotNull LoginRequest request, @Context ContainerRequestContext context) {
        return noStore(TokenResponse.of(authentication.login(request.email(), request.password(),
                RequestOrigin.ip(context))));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair",
            description = "Refresh tokens are single-use; presenting a used one revokes the whole session (401).")
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Invalid, expired, revoked or reused token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response refresh(@Valid @NotNull RefreshRequest request, @Context ContainerRequestContext context) {
        return noStore(TokenResponse.of(authentication.refresh(request.refreshToken(), RequestOrigin.ip(context))));
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End the session of a refresh token", description = "Idempotent; unknown tokens are ignored.")
    @APIResponse(responseCode = "204", description = "Session revoked")
    public Response logout(@Valid @NotNull RefreshRequest request) {
        authentication.logout(request.refreshToken());
        return Response.noContent().build();
    }

    static Response noStore(Object entity) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(entity).cacheControl(noStore).header("Pragma", "no-cache").build();
    }
}
