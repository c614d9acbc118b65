package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.query.QuarantineQueries;
import io.fuseline.orchestrator.query.UnitViews.QuarantineView;
import io.fuseline.orchestrator.security.Roles;
import io.fuseline.orchestrator.unit.QuarantineDesk;
import io.fuseline.schemas.message.Disposition;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The quarantine: open cases, and the quality engineer's disposition of one (audited, told to the vault). */
@Path("/api/quarantine")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "quarantine")
public class QuarantineResource {
    /** Most open cases one list returns. */
    static final int MAX_LIST = 1000;

    /** A disposition: RETEST, REWORK or SCRAP, with a mandatory reason (free text). */
    public record DispositionRequest(Disposition disposition, String reason) {
    }

    private final QuarantineQueries cases;
    private final QuarantineDesk desk;
    private final SecurityIdentity identity;

    QuarantineResource(QuarantineQueries cases, QuarantineDesk desk, SecurityIdentity identity) {
        this.cases = cases;
        this.desk = desk;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    @Operation(summary = "Open quarantine cases, oldest first, optionally of one reason")
    public List<QuarantineView> open(@QueryParam("reason") String reason,
                                     @QueryParam("limit") @DefaultValue("200") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIST);
        }
        return cases.open(reason, limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    @Operation(summary = "One quarantine case with its evidence and decisions")
    public QuarantineView one(@PathParam("id") String id) {
        return cases.byId(id).orElseThrow(() -> new NotFoundException("no quarantine case " + id));
    }

    @POST
    @Path("/{id}/disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.QUALITY, Roles.ADMIN})
    @Operation(summary = "Release a quarantined unit as RETEST or REWORK (it may re-enter with new keys) or SCRAP it; "
            + "a reason is required; the decision is audited with the caller as actor")
    public QuarantineView decide(@PathParam("id") String id, DispositionRequest request) {
        if (request == null || request.disposition() == null) {
            throw new IllegalArgumentException("disposition must be RETEST, REWORK or SCRAP");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw new IllegalArgumentException("a disposition needs a reason");
        }
        desk.decide(id, request.disposition(), identity.getPrincipal().getName(), request.reason().strip());
        return cases.byId(id).orElseThrow();
    }
}
