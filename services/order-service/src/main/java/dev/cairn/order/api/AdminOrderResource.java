package dev.cairn.order.api;

import dev.cairn.commons.problem.Problem;
import dev.cairn.order.service.ReadModelRebuild;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operations on the order service (admin). */
@Path("/api/v1/admin/orders")
@RolesAllowed("admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations", description = "Admin operations")
@SecurityRequirement(name = "bearer")
public class AdminOrderResource {

    private final ReadModelRebuild rebuild;

    @Inject
    public AdminOrderResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/read-model/rebuild")
    @Operation(summary = "Rebuild orders_view from the event store",
            description = "Replays every order; reports how many rows differed from the live read model.")
    @APIResponse(responseCode = "200", description = "Rebuilt; how many orders were replayed and how many rows differed")
    @APIResponse(responseCode = "409", description = "An event that cannot be replayed; the read model was left as it "
            + "was and the problem names the order", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReadModelRebuild.Result rebuildReadModel() {
        return rebuild.rebuild();
    }
}
