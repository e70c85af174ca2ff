package dev.cairn.commons.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Optional;

/** Endpoints that fail in each way the problem mapping must handle. */
@ApplicationScoped
@Path("/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemTestResource {

    public record Thing(@NotBlank String name, @Min(1) int quantity) {
    }

    public record Named(String name) {
    }

    public record Stamped(java.time.Instant at, String absent) {
    }

    @GET
    @Path("stamped")
    public Stamped stamped() {
        return new Stamped(java.time.Instant.parse("2026-11-26T10:15:30Z"), null);
    }

    @GET
    @Path("conflict")
    public String conflict() {
        throw ProblemException.conflict("sku ABC-1 is taken");
    }

    @GET
    @Path("missing")
    public Optional<Named> missing() {
        return Optional.empty();
    }

    @GET
    @Path("present")
    public Optional<Named> present() {
        return Optional.of(new Named("cairn"));
    }

    @POST
    @Path("validated")
    @Consumes(MediaType.APPLICATION_JSON)
    public Thing validated(@Valid Thing thing) {
        return thing;
    }

    @GET
    @Path("database-down")
    public String databaseDown() {
        throw new IllegalStateException("could not open connection",
                new java.sql.SQLTransientConnectionException("pool - Connection is not available"));
    }

    @GET
    @Path("duplicate-key")
    public String duplicateKey() {
        throw new IllegalStateException("commit failed", new java.sql.SQLException("duplicate key", "23505"));
    }

    @GET
    @Path("bare-forbidden")
    public jakarta.ws.rs.core.Response bareForbidden() {
        return jakarta.ws.rs.core.Response.status(403).build();
    }

    @GET
    @Path("boom")
    public String boom() {
        throw new IllegalStateException("secret internal state");
    }
}
