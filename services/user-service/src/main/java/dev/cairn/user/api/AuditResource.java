package dev.cairn.user.api;

import dev.cairn.commons.paging.Page;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.Problem;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.user.domain.AuditAction;
import dev.cairn.user.persistence.AuditRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The audit log (role {@code admin}), newest first. */
@Path("/api/v1/audit")
@RolesAllowed("admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Security audit log")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class AuditResource {

    private final AuditRepository entries;

    @Inject
    public AuditResource(AuditRepository entries) {
        this.entries = entries;
    }

    @GET
    @Transactional
    @Operation(summary = "Audit entries: logins, lockouts, role changes, deletions",
            description = "Filter by action (e.g. LOGIN_FAILURE) and by userId (as actor or subject).")
    public Page<AuditEntryResponse> list(@QueryParam("action") String action,
                                         @QueryParam("userId") @Size(max = 128) String userId,
                                         @QueryParam("limit") Integer limit,
                                         @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, 2);
        return page.page(entries.page(parse(action), userId, page),
                entry -> List.of(entry.occurredAt().toString(), entry.id().toString()), AuditEntryResponse::of);
    }

    private static AuditAction parse(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("action", "must be one of " + Arrays.toString(AuditAction.values()));
        }
    }
}
