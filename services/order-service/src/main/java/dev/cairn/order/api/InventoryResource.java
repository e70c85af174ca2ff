package dev.cairn.order.api;

import dev.cairn.commons.problem.Problem;
import dev.cairn.order.inventory.Inventory;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** Stock per product. */
@Path("/api/v1/inventory/{productId}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inventory", description = "Stock levels")
public class InventoryResource {

    private final Inventory inventory;

    @Inject
    public InventoryResource(Inventory inventory) {
        this.inventory = inventory;
    }

    @GET
    @PermitAll
    @Operation(summary = "Stock of a product: available for new orders, and reserved by open ones")
    @APIResponse(responseCode = "404", description = "No stock record for this product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Optional<StockResponse> get(@PathParam("productId") @Size(max = 128) String productId) {
        return inventory.find(productId).map(StockResponse::of);
    }

    @PUT
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Set the available units of a product (admin)")
    @APIResponse(responseCode = "200", description = "The new stock level")
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public StockResponse set(@PathParam("productId") @Size(max = 128) String productId,
                             @Valid @NotNull StockRequest request, @Context SecurityContext security) {
        return StockResponse.of(inventory.setAvailable(productId, request.available(),
                security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName()));
    }
}
