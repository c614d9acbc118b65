package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.query.UnitQueries;
import io.fuseline.orchestrator.query.UnitViews.UnitHistory;
import io.fuseline.orchestrator.query.UnitViews.UnitSummary;
import io.fuseline.orchestrator.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Units for quality engineers and operators: find by MAC, serial or lot; a unit's full history. */
@Path("/api/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "units")
public class UnitResource {
    private final UnitQueries units;

    UnitResource(UnitQueries units) {
        this.units = units;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "Find units by exactly one of mac, serial (the MAC, separators optional) or lot")
    public List<UnitSummary> find(@QueryParam("mac") String mac, @QueryParam("serial") String serial,
                                  @QueryParam("lot") String lot) {
        if (Stream.of(mac, serial, lot).filter(v -> v != null && !v.isBlank()).count() != 1) {
            throw new IllegalArgumentException("give exactly one of mac, serial or lot");
        }
        if (lot != null && !lot.isBlank()) {
            return units.byLot(lot);
        }
        String canonical = mac != null ? Macs.canonical(mac, "mac") : Macs.canonical(serial, "serial");
        return units.byMac(canonical).stream().toList();
    }

    @GET
    @Path("/{mac}/history")
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "A unit's states, jobs and steps with evidence, fuse burns, custody, quarantines, audit ids")
    public UnitHistory history(@PathParam("mac") String mac) {
        String canonical = Macs.canonical(mac, "mac");
        return units.history(canonical).orElseThrow(() -> new NotFoundException("no unit " + canonical));
    }
}
