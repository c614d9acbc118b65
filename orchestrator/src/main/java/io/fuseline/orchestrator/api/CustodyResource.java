package io.fuseline.orchestrator.api;

import io.fuseline.orchestrator.query.CustodyQueries;
import io.fuseline.orchestrator.query.UnitViews.CustodyView;
import io.fuseline.orchestrator.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Key custody for security officers: where a key has been, by key check value or by device. */
@Path("/api/custody")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "custody")
public class CustodyResource {
    private final CustodyQueries custody;

    CustodyResource(CustodyQueries custody) {
        this.custody = custody;
    }

    @GET
    @RolesAllowed({Roles.SECURITY, Roles.ADMIN})
    @Operation(summary = "Custody records by exactly one of kcv (lowercase hex) or mac")
    public List<CustodyView> find(@QueryParam("kcv") String kcv, @QueryParam("mac") String mac) {
        boolean byKcv = kcv != null && !kcv.isBlank();
        boolean byMac = mac != null && !mac.isBlank();
        if (byKcv == byMac) {
            throw new IllegalArgumentException("give exactly one of kcv or mac");
        }
        if (byKcv) {
            String k = kcv.toLowerCase(Locale.ROOT);
            if (!k.matches("[0-9a-f]{2,64}")) {
                throw new IllegalArgumentException("kcv must be hex digits");
            }
            return custody.byKcv(k);
        }
        return custody.byMac(Macs.canonical(mac, "mac"));
    }
}
