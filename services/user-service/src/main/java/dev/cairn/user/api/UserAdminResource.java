package dev.cairn.user.api;

import dev.cairn.commons.paging.Page;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.Problem;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.user.domain.Role;
import dev.cairn.user.persistence.UserEntity;
import dev.cairn.user.service.Accounts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** User administration (role {@code admin}). */
@Path("/api/v1/users")
@RolesAllowed("admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class UserAdminResource {

    private static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final Accounts accounts;

    @Inject
    public UserAdminResource(Accounts accounts) {
        this.accounts = accounts;
    }

    @GET
    @Operation(summary = "List users, optionally searching email and name", description = "Ordered by creation time.")
    public Page<UserResponse> list(@QueryParam("q") @Size(max = 200) String query,
                                   @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        List<UserEntity> rows = accounts.list(query, page);
        return page.page(rows, user -> List.of(user.createdAt().toString(), user.id().toString()), UserResponse::of);
    }

    @GET
    @Path(ID)
    @Operation(summary = "One user")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Optional<UserResponse> get(@PathParam("id") UUID id) {
        return accounts.find(id).map(UserResponse::of);
    }

    @PATCH
    @Path(ID)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a user's name or email")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Email taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserResponse update(@PathParam("id") UUID id, @Valid @NotNull AdminUserUpdateRequest request,
                               @Context SecurityContext security, @Context ContainerRequestContext context) {
        return UserResponse.of(accounts.updateAny(id, request.toChange(), Caller.actor(security, context)));
    }

    @DELETE
    @Path(ID)
    @Operation(summary = "Delete a user and end their sessions")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") UUID id, @Context SecurityContext security,
                           @Context ContainerRequestContext context) {
        accounts.delete(id, Caller.actor(security, context));
        return Response.noContent().build();
    }

    @PUT
    @Path(ID + "/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's roles", description = "Roles: customer, admin. Takes effect at the next token.")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Removing your own admin role", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public UserResponse replaceRoles(@PathParam("id") UUID id, @Valid @NotNull RolesRequest request,
                                     @Context SecurityContext security, @Context ContainerRequestContext context) {
        return UserResponse.of(accounts.replaceRoles(id, parse(request.roles()), Caller.actor(security, context)));
    }

    private static Set<Role> parse(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int index = i;
            roles.add(Role.parse(name).orElseThrow(() -> ProblemException.invalidField("roles[" + index + "]",
                    "'" + name + "' is not a role; use customer or admin")));
        }
        return roles;
    }
}
