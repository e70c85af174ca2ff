package dev.cairn.order.api;

import dev.cairn.commons.json.Json;
import dev.cairn.commons.paging.Page;
import dev.cairn.commons.paging.PageRequest;
import dev.cairn.commons.problem.Problem;
import dev.cairn.commons.problem.ProblemException;
import dev.cairn.commons.problem.ProblemType;
import dev.cairn.commons.security.Sha256;
import dev.cairn.order.domain.OrderStatus;
import dev.cairn.order.live.OrderUpdate;
import dev.cairn.order.live.OrderUpdates;
import dev.cairn.order.persistence.OrderViewEntity;
import dev.cairn.order.service.Orders;
import dev.cairn.order.service.PlaceOrder;
import dev.cairn.order.service.PlacedOrder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Orders: place (idempotent), read, history, live updates (SSE), cancel, ship. */
@Path("/api/v1/orders")
@RolesAllowed({"customer", "admin"})
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Orders and their saga")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class OrderResource {

    private static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";
    private static final int MAX_KEY = 128;

    private final Orders orders;
    private final OrderUpdates updates;

    @Inject
    public OrderResource(Orders orders, OrderUpdates updates) {
        this.orders = orders;
        this.updates = updates;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order", description = "Needs an Idempotency-Key header: the same key and body give "
            + "the same answer, the same key with another body is a 422. Answers 202 PENDING; the saga then confirms "
            + "or rejects the order (see GET /orders/{id} and /orders/{id}/updates).")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the order")
    @APIResponse(responseCode = "400", description = "Invalid order or missing Idempotency-Key", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another order", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response place(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull PlaceOrderRequest request,
                          @Context SecurityContext security, @Context UriInfo uriInfo) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY) {
            throw ProblemException.invalidField("Idempotency-Key",
                    "header is required (1.." + MAX_KEY + " characters, e.g. a UUID per order)");
        }
        PlacedOrder placed = orders.place(new PlaceOrder(Caller.id(security), request.lines(), request.paymentToken(),
                request.address(), idempotencyKey.trim(), Sha256.hex(Json.write(request))));
        return Response.status(placed.status())
                .location(uriInfo.getBaseUriBuilder().path("api/v1/orders").path(placed.orderId().toString()).build())
                .header("Idempotent-Replayed", Boolean.toString(placed.replay()))
                .entity(placed.body())
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Operation(summary = "List orders, newest first", description = "Customers see their own; admins see all and may "
            + "filter by userId. Filter status: PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED.")
    @APIResponse(responseCode = "400", description = "Invalid filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<OrderResponse> list(@QueryParam("status") String status, @QueryParam("userId") String userId,
                                    @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                    @Context SecurityContext security) {
        String owner = Caller.isAdmin(security) ? blankToNull(userId) : Caller.id(security);
        if (!Caller.isAdmin(security) && userId != null && !userId.isBlank() && !userId.equals(owner)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only admins can list other users' orders");
        }
        PageRequest page = PageRequest.of(limit, cursor, 2);
        List<OrderViewEntity> rows = orders.list(owner, parseStatus(status), page);
        return page.page(rows, row -> List.of(row.createdAt().toString(), row.id().toString()), OrderResponse::of);
    }

    @GET
    @Path(ID)
    @Operation(summary = "One order (owner or admin)")
    @APIResponse(responseCode = "404", description = "No such order of yours", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OrderResponse get(@PathParam("id") UUID id, @Context SecurityContext security) {
        return OrderResponse.of(visible(id, security));
    }

    @GET
    @Path(ID + "/history")
    @Operation(summary = "The order's events, oldest first (event sourcing)")
    public List<HistoryEntry> history(@PathParam("id") UUID id, @Context SecurityContext security) {
        visible(id, security);
        return orders.history(id).stream().map(HistoryEntry::of).toList();
    }

    @GET
    @Path(ID + "/updates")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live status of the order (Server-Sent Events)", description = "Sends the current status "
            + "first, then every change, from any instance; ends after a final status (REJECTED, CANCELLED, SHIPPED).")
    public void updates(@PathParam("id") UUID id, @Context SecurityContext security, @Context SseEventSink sink,
                        @Context Sse sse) {
        OrderViewEntity current = visible(id, security);
        AtomicReference<Runnable> unregister = new AtomicReference<>(() -> { });
        unregister.set(updates.listen(id.toString(), update -> send(sink, sse, update, unregister.get())));
        send(sink, sse, new OrderUpdate(id.toString(), current.status(), current.version(), current.reason(),
                current.updatedAt()), unregister.get());
    }

    @POST
    @Path(ID + "/cancel")
    @Operation(summary = "Cancel a PENDING or CONFIRMED order (owner or admin)", description = "Stock is released and "
            + "the payment refunded or voided.")
    @APIResponse(responseCode = "409", description = "The order can no longer be cancelled", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OrderResponse cancel(@PathParam("id") UUID id, @Context SecurityContext security) {
        visible(id, security);
        orders.cancel(id, Caller.id(security), Caller.isAdmin(security) ? "cancelled by an admin" : "cancelled by the customer");
        return OrderResponse.of(orders.find(id).orElseThrow());
    }

    @POST
    @Path(ID + "/ship")
    @RolesAllowed("admin")
    @Operation(summary = "Ship a CONFIRMED order (admin)")
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The order is not CONFIRMED", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public OrderResponse ship(@PathParam("id") UUID id, @Context SecurityContext security) {
        orders.find(id).orElseThrow(() -> ProblemException.notFound("Order", id));
        orders.ship(id, Caller.id(security));
        return OrderResponse.of(orders.find(id).orElseThrow());
    }

    private OrderViewEntity visible(UUID id, SecurityContext security) {
        OrderViewEntity order = orders.find(id).orElseThrow(() -> ProblemException.notFound("Order", id));
        if (!Caller.isAdmin(security) && !order.userId().equals(Caller.id(security))) {
            throw ProblemException.notFound("Order", id);
        }
        return order;
    }

    private static void send(SseEventSink sink, Sse sse, OrderUpdate update, Runnable unregister) {
        if (sink.isClosed()) {
            unregister.run();
            return;
        }
        sink.send(sse.newEventBuilder().name("status").id(Long.toString(update.version()))
                        .mediaType(MediaType.APPLICATION_JSON_TYPE).data(OrderUpdate.class, update).build())
                .whenComplete((ignored, error) -> {
                    if (error != null || OrderStatus.valueOf(update.status()).isFinal()) {
                        unregister.run();
                        sink.close();
                    }
                });
    }

    private static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of PENDING, CONFIRMED, REJECTED, CANCELLED, SHIPPED");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
