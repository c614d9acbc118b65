package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.query.WorkOrderQueries;
import io.fuseline.orchestrator.query.WorkOrderQueries.WorkOrderSummary;
import io.fuseline.orchestrator.security.Roles;
import io.fuseline.orchestrator.unit.WorkOrderDesk;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Work orders: what the line builds, how many, in which lot, on which stations. Changes are audited. */
@Path("/api/work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "work orders")
public class WorkOrderResource {
    static final int MAX_LIST = 1000;

    /** A new work order. {@code overbuildQuota} defaults to 0 and {@code stations} to none. */
    public record NewWorkOrder(String id, String recipe, String lot, Integer quantity, Integer overbuildQuota,
                               List<String> stations) {
    }

    private final WorkOrderQueries queries;
    private final WorkOrderDesk desk;
    private final SecurityIdentity identity;

    WorkOrderResource(WorkOrderQueries queries, WorkOrderDesk desk, SecurityIdentity identity) {
        this.queries = queries;
        this.desk = desk;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "Work orders, newest first, with their counters and stations")
    public List<WorkOrderSummary> list(@QueryParam("open") @DefaultValue("false") boolean openOnly,
                                       @QueryParam("limit") @DefaultValue("200") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIST);
        }
        return queries.list(openOnly, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "One work order")
    public WorkOrderSummary one(@PathParam("id") String id) {
        return queries.byId(id).orElseThrow(() -> new NotFoundException("no work order " + id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN})
    @Operation(summary = "Create a work order for a loaded recipe and assign it to stations (one open work order per "
            + "station and chip: an older one of the same chip is replaced on those stations)")
    public Response create(NewWorkOrder request) {
        if (request == null || request.quantity() == null) {
            throw new IllegalArgumentException("a work order needs id, recipe, lot and quantity");
        }
        desk.create(request.id(), request.recipe(), request.lot(), request.quantity(),
                request.overbuildQuota() == null ? 0 : request.overbuildQuota(),
                request.stations() == null ? List.of() : request.stations(), user());
        return Response.created(URI.create("/api/work-orders/" + request.id())).entity(one(request.id())).build();
    }

    @PUT
    @Path("/{id}/stations/{station}")
    @RolesAllowed({Roles.ADMIN})
    @Operation(summary = "Make a station build this work order from now on")
    public WorkOrderSummary assign(@PathParam("id") String id, @PathParam("station") String station) {
        desk.assign(id, station, user());
        return one(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.ADMIN})
    @Operation(summary = "Close a work order: no more units are admitted to it")
    public WorkOrderSummary close(@PathParam("id") String id) {
        desk.close(id, user());
        return one(id);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
