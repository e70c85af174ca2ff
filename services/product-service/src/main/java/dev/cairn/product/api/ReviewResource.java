package dev.cairn.product.api;

import dev.cairn.commons.paging.Page;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.Problem;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.product.domain.Review;
import dev.cairn.product.service.Reviews;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reviews of a product: anyone reads them, customers write one each. */
@Path("/api/v1/products/{id}/reviews")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reviews", description = "Product reviews")
public class ReviewResource {

    private final Reviews reviews;

    @Inject
    public ReviewResource(Reviews reviews) {
        this.reviews = reviews;
    }

    @GET
    @PermitAll
    @Operation(summary = "A product's reviews, newest first")
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<ReviewResponse> list(@PathParam("id") String productId, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        Page<Review> page = reviews.list(productId, PageRequest.of(limit, cursor, 2));
        return new Page<>(page.items().stream().map(ReviewResponse::of).toList(), page.nextCursor());
    }

    @POST
    @RolesAllowed("customer")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Review a product (customer; one review per product)",
            description = "Rating 1..5; markup in the text is removed. Updates the product's rating summary.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ReviewResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such product", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already reviewed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response add(@PathParam("id") String productId, @Valid @NotNull ReviewRequest request,
                        @Context SecurityContext security, @Context UriInfo uriInfo) {
        if (!(security.getUserPrincipal() instanceof JsonWebToken token) || token.getSubject() == null) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "A valid bearer token is required");
        }
        Review review = reviews.add(productId, token.getSubject(), token.getName(), request.rating(), request.text());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(review.id()).build())
                .entity(ReviewResponse.of(review)).build();
    }
}
