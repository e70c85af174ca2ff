package dev.cairn.product.api;

import dev.cairn.commons.paging.Page;
import dev.cairn.commons.problem.Problem;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.product.domain.Product;
import dev.cairn.product.service.Catalog;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog, API v2: the same products and filters as v1, with prices as Money objects. */
@Path("/api/v2/products")
@ApplicationScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products v2", description = "Catalog, price as a Money object")
public class ProductV2Resource {

    private final Catalog catalog;

    @Inject
    public ProductV2Resource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(summary = "List products", description = "Same filters, sorts and paging as GET /api/v1/products.")
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ProductV2Response> list(@BeanParam ProductListParams params) {
        Page<Product> page = catalog.list(params.query(), params.page());
        return new Page<>(page.items().stream().map(ProductV2Response::of).toList(), page.nextCursor());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One product", description = "Counts a view. ETag is the product's version.")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductV2Response.class)))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id) {
        Product product = catalog.view(id).orElseThrow(() -> ProblemException.notFound("Product", id));
        return Response.ok(ProductV2Response.of(product)).tag(ProductV1Resource.etagOf(product)).build();
    }
}
