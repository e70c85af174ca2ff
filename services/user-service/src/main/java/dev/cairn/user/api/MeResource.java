package dev.cairn.user.api;

import dev.cairn.commons.problem.Problem;
import dev.cairn.user.service.Accounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** The caller's own account. */
@Path("/api/v1/users/me")
@RolesAllowed({"customer", "admin"})
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "User accounts")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class MeResource {

    private final Accounts accounts;

    @Inject
    public MeResource(Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "Your account")
    public Optional<UserResponse> me(@Context SecurityContext security) {
        return accounts.find(Caller.userId(security)).map(UserResponse::of);
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change your name, email or password",
            description = "A new email or password needs currentPassword; a new password ends all other sessions.")
    @APIResponse(responseCode = "200", description = "The updated account")
    @APIResponse(responseCode = "400", description = "Invalid input or wrong current password", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Email taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserResponse update(@Valid @NotNull ProfileUpdateRequest request, @Context SecurityContext security,
                               @Context ContainerRequestContext context) {
        return UserResponse.of(accounts.updateOwn(Caller.userId(security), request.toChange(),
                Caller.actor(security, context)));
    }

    @DELETE
    @Operation(summary = "Delete your account", description = "Ends every session; the audit log keeps the record.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@Context SecurityContext security, @Context ContainerRequestContext context) {
        accounts.delete(Caller.userId(security), Caller.actor(security, context));
        return Response.noContent().build();
    }
}
