package dev.cairn.order.api;

import dev.cairn.commons.problem.Problem;
import dev.cairn.order.operations.DeadLetters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Dead-letter queues of the event consumers (admin). */
@Path("/api/v1/admin/dlq")
@RolesAllowed("admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "404", description = "Not a Cairn dead-letter queue", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    @Inject
    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @Operation(summary = "The consumers' dead-letter queues and their depth")
    public Map<String, List<DeadLetters.Queue>> list() {
        return Map.of("items", deadLetters.list());
    }

    @GET
    @Path("{queue}")
    @Operation(summary = "Look at the messages of a dead-letter queue (they stay in it), with why they died")
    public Map<String, List<DeadLetters.DeadMessage>> peek(@PathParam("queue") String queue,
                                                          @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return Map.of("items", deadLetters.peek(queue, limit));
    }

    @POST
    @Path("{queue}/replay")
    @Operation(summary = "Send every message back to the queue it died in")
    public Map<String, Integer> replay(@PathParam("queue") String queue) {
        return Map.of("replayed", deadLetters.replay(queue));
    }

    @DELETE
    @Path("{queue}")
    @Operation(summary = "Drop every message of a dead-letter queue")
    public Map<String, Long> purge(@PathParam("queue") String queue) {
        return Map.of("purged", deadLetters.purge(queue));
    }
}
