package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.query.AuditQueries;
import io.fuseline.orchestrator.query.AuditQueries.AuditRecordView;
import io.fuseline.orchestrator.query.AuditSearch;
import io.fuseline.orchestrator.query.Page;
import io.fuseline.orchestrator.query.UnitQueries;
import io.fuseline.orchestrator.query.UnitViews.QuarantineView;
import io.fuseline.orchestrator.query.UnitViews.UnitHistory;
import io.fuseline.orchestrator.query.UnitViews.UnitSummary;
import io.fuseline.orchestrator.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Unit pages: search by MAC, serial or lot (every role, as {@code GET /api/units}); one unit's history as a
 * timeline (quality, security, admin, as {@code GET /api/units/{mac}/history}).
 */
@Path("/console/units")
@Produces(MediaType.TEXT_HTML)
public class UnitPages {
    /** Who may read a unit's history; the same as the API's history endpoint. */
    static final Set<String> HISTORY_ROLES = Set.of(Roles.QUALITY, Roles.SECURITY, Roles.ADMIN);

    /** What the search page shows: the form as typed, the units found, or why not. */
    public record SearchView(String by, String text, List<UnitSummary> units, boolean searched, boolean cut,
                             String error) {
    }

    /** One unit's timeline page. */
    public record TimelineView(UnitSummary unit, List<TimelineEntry> entries, List<QuarantineView> quarantines,
                               int auditRecords) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(SearchView view);

        static native TemplateInstance timeline(TimelineView view);
    }

    private final UnitQueries units;
    private final AuditQueries audit;

    UnitPages(UnitQueries units, AuditQueries audit) {
        this.units = units;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    public Response page(@QueryParam("by") String by, @QueryParam("q") String text) {
        UnitSearch search;
        try {
            search = UnitSearch.parse(by, text);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.search(new SearchView(by, text, List.of(), false, false, e.getMessage()))).build();
        }
        if (search == null) {
            return Response.ok(Templates.search(new SearchView("mac", "", List.of(), false, false, null))).build();
        }
        List<UnitSummary> found = search.by() == UnitSearch.By.LOT ? units.byLot(search.text())
                : units.byMac(search.mac()).stream().toList();
        return Response.ok(Templates.search(new SearchView(search.by().name().toLowerCase(Locale.ROOT),
                search.text(), found, true, found.size() >= UnitQueries.MAX_UNITS, null))).build();
    }

    @GET
    @Path("/{mac}")
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    public Response timeline(@PathParam("mac") String mac) {
        String canonical;
        try {
            canonical = new UnitSearch(UnitSearch.By.MAC, mac).mac();
        } catch (IllegalArgumentException e) {
            return ConsoleErrors.notFound("unit " + mac + " (" + e.getMessage() + ")");
        }
        Optional<UnitHistory> history = units.history(canonical);
        if (history.isEmpty()) {
            return ConsoleErrors.notFound("unit " + canonical);
        }
        List<AuditRecordView> records = auditRecords(canonical);
        UnitHistory h = history.get();
        return Response.ok(Templates.timeline(new TimelineView(h.unit(), Timeline.of(h, records), h.quarantines(),
                h.auditRecords().size()))).build();
    }

    /** Every audit record about the unit, in chain order, read page by page. */
    private List<AuditRecordView> auditRecords(String mac) {
        List<AuditRecordView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<AuditRecordView> p = audit.search(new AuditSearch(null, null, null, null, mac, null, null, null, null,
                    page, AuditSearch.MAX_SIZE));
            all.addAll(p.items());
            if (all.size() >= p.total() || p.items().isEmpty()) {
                return all;
            }
        }
    }
}
