package dev.cairn.product.api;

import dev.cairn.commons.paging.Page;
import dev.cairn.commons.problem.Problem;
import dev.cairn.product.domain.Product;
import dev.cairn.product.service.Catalog;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The catalog, API v1: prices are numbers next to a currency. Still served, but deprecated: every response carries
 * {@code Deprecation} and a {@code Link} to its v2 equivalent. Admin writes live here.
 */
@Path("/api/v1/products")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products v1", description = "Catalog, price as number + currency (deprecated; see v2)")
public class ProductV1Resource {

    /** RFC 9745: v1 is deprecated since 2026-01-01T00:00:00Z. */
    static final String DEPRECATION = "@1767225600";

    private final Catalog catalog;

    @Inject
    public ProductV1Resource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @PermitAll
    @Operation(summary = "List products", description = "Filters q (text), category, tag, minPrice, maxPrice; "
            + "sort relevance|price|-price|rating|-rating|createdAt|-createdAt (default -createdAt, relevance with q); "
            + "limit 1..100 and the opaque cursor of the previous page.")
    @APIResponse(responseCode = "200", description = "A page of products",
            headers = {@Header(name = "Deprecation"), @Header(name = "Link")})
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response list(@BeanParam ProductListParams params, @Context UriInfo uriInfo) {
        Page<Product> page = catalog.list(params.query(), params.page());
        return deprecated(Response.ok(new Page<>(page.items().stream().map(ProductV1Response::of).toList(),
                page.nextCursor())), uriInfo.getBaseUriBuilder().path("api/v2/products").build().getPath());
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One product", description = "Counts a view. ETag is the product's version.")
    @APIResponse(responseCode = "200", description = "The product", content = @Content(schema = @Schema(implementation = ProductV1Response.class)))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") String id, @Context UriInfo uriInfo) {
        Product product = catalog.view(id).orElseThrow(() -> dev.cairn.commons.problem.ProblemException.notFound("Product", id));
        return deprecated(Response.ok(ProductV1Response.of(product)).tag(etagOf(product)), v2Path(uriInfo, id));
    }

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a product (admin)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProductV1Response.class)))
    @APIResponse(responseCode = "400", description = "Invalid product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "SKU taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response create(@Valid @NotNull ProductRequest request, @Context UriInfo uriInfo) {
        Product product = catalog.create(request.toDraft());
        return deprecated(Response.created(uriInfo.getAbsolutePathBuilder().path(product.id()).build())
                .entity(ProductV1Response.of(product)).tag(etagOf(product)), v2Path(uriInfo, product.id()));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Replace a product (admin)", description = "Conditional with If-Match: \"<version>\" (or body version).")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "SKU taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "Changed since read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response replace(@PathParam("id") String id, @Valid @NotNull ProductRequest request,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uriInfo) {
        Product product = catalog.update(id, request.toDraft(), Versions.expected(ifMatch, request.version()));
        return deprecated(Response.ok(ProductV1Response.of(product)).tag(etagOf(product)), v2Path(uriInfo, id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed("admin")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change some fields of a product (admin)", description = "Conditional with If-Match as PUT.")
    @APIResponse(responseCode = "200", description = "Changed")
    @APIResponse(responseCode = "412", description = "Changed since read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response patch(@PathParam("id") String id, @Valid @NotNull ProductPatchRequest request,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uriInfo) {
        Product product = catalog.update(id, request.toDraft(), Versions.expected(ifMatch, request.version()));
        return deprecated(Response.ok(ProductV1Response.of(product)).tag(etagOf(product)), v2Path(uriInfo, id));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete a product (admin)", description = "Conditional with If-Match. Frees the SKU.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "Changed since read", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        catalog.delete(id, Versions.expected(ifMatch, null));
        return Response.noContent().build();
    }

    static jakarta.ws.rs.core.EntityTag etagOf(Product product) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(product.version()));
    }

    private static String v2Path(UriInfo uriInfo, String id) {
        return uriInfo.getBaseUriBuilder().path("api/v2/products").path(id).build().getPath();
    }

    private static Response deprecated(Response.ResponseBuilder response, String successor) {
        return response.header("Deprecation", DEPRECATION)
                .header("Link", "<" + successor + ">; rel=\"successor-version\"")
                .build();
    }
}
