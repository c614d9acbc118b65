package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.query.CustodyQueries;
import io.fuseline.orchestrator.query.ReportQueries;
import io.fuseline.orchestrator.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Yield and failure Pareto for the line; signing counts for security officers. */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reports")
public class ReportResource {
    private final ReportQueries reports;
    private final CustodyQueries custody;

    ReportResource(ReportQueries reports, CustodyQueries custody) {
        this.reports = reports;
        this.custody = custody;
    }

    @GET
    @Path("/yield")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    @Operation(summary = "Yield per work order and station, optionally of one work order and/or station")
    public List<ReportQueries.YieldRow> yield(@QueryParam("workOrder") String workOrder,
                                              @QueryParam("station") String station) {
        return reports.yield(workOrder, station);
    }

    @GET
    @Path("/pareto")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    @Operation(summary = "Failure Pareto (quarantine and step failure reasons) of a work order and/or station")
    public List<ReportQueries.ParetoRow> pareto(@QueryParam("workOrder") String workOrder,
                                                @QueryParam("station") String station) {
        return reports.pareto(workOrder, station);
    }

    @GET
    @Path("/signing")
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "Per work order: key-material requests, keys issued by kind, certificates, burns, disposals")
    public List<CustodyQueries.SigningCounts> signing() {
        return custody.signingCounts();
    }
}
