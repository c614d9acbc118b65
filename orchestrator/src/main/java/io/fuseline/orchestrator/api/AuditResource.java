package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.query.AuditQueries;
import io.fuseline.orchestrator.query.AuditQueries.AuditRecordView;
import io.fuseline.orchestrator.query.AuditSearch;
import io.fuseline.orchestrator.query.Page;
import io.fuseline.orchestrator.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, searched. (Checkpoints and the verifiable export: {@code CheckpointResource}, the CLI.) */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    private final AuditQueries audit;

    AuditResource(AuditQueries audit) {
        this.audit = audit;
    }

    @GET
    @Path("/records")
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "Search audit records by time range [from, to), station, work order, unit, action, cause "
            + "(event type), outcome (the unit's state) and failure reason; paginated, in chain order")
    public Page<AuditRecordView> search(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("station") String station,
                                        @QueryParam("workOrder") String workOrder, @QueryParam("mac") String mac,
                                        @QueryParam("action") String action, @QueryParam("cause") String cause,
                                        @QueryParam("outcome") String outcome,
                                        @QueryParam("failureReason") String failureReason,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        return audit.search(new AuditSearch(time(from), time(to), station, workOrder,
                mac == null ? null : Macs.canonical(mac, "mac"), action, cause, outcome, failureReason, page, size));
    }

    private static Instant time(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
