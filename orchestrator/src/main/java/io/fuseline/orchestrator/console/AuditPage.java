package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.checkpoint.CheckpointKey;
import io.fuseline.orchestrator.lifecycle.StateKind;
import io.fuseline.orchestrator.query.AuditQueries;
import io.fuseline.orchestrator.query.AuditQueries.AuditRecordView;
import io.fuseline.orchestrator.query.LineQueries;
import io.fuseline.orchestrator.query.Page;
import io.fuseline.orchestrator.query.WorkOrderQueries;
import io.fuseline.orchestrator.query.WorkOrderQueries.WorkOrderSummary;
import io.fuseline.orchestrator.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The Audit page: the trail filtered by time, station, work order, unit, event type and outcome, page by page; the
 * selection exported as a verifiable chain file; whether the stored chain and its latest signed checkpoint verify.
 */
@Path("/console/audit")
public class AuditPage {
    /** The actions the lifecycle and the desks record, offered as event types (the field takes any). */
    static final List<String> ACTIONS = List.of("unit.transition", "step.completed", "step.failed", "fuse.burned",
            "unit.detached", "unit.reidentified", "event.ignored", "event.unknown_unit", "workorder.created",
            "workorder.assigned", "workorder.closed");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** One rendered page of the trail, with what its controls need. */
    public record View(AuditForm form, Page<AuditRecordView> results, long pages, String error, ChainCheck.Status chain,
                List<String> stations, List<String> workOrders, List<String> actions, List<String> outcomes) {

        /** The page shown, counting from 1. */
        public int pageNumber() {
            return results.page() + 1;
        }

        public boolean hasPrevious() {
            return results.page() > 0;
        }

        public boolean hasNext() {
            return results.page() + 1 < pages;
        }

        public String previousHref() {
            return pageHref(results.page() - 1);
        }

        public String nextHref() {
            return pageHref(results.page() + 1);
        }

        private String pageHref(int page) {
            String query = form.atPage(page).query();
            return ConsolePage.AUDIT.path() + (query.isEmpty() ? "" : "?" + query);
        }

        public String exportHref() {
            String query = form.atPage(0).query();
            return ConsolePage.AUDIT.path() + "/export" + (query.isEmpty() ? "" : "?" + query);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(View view);
    }

    private final AuditQueries audit;
    private final AuditExports exports;
    private final ChainCheck chain;
    private final LineQueries line;
    private final WorkOrderQueries workOrders;
    private final CheckpointKey key;
    private final ConsoleConfig config;
    private final Clock clock;

    AuditPage(AuditQueries audit, AuditExports exports, ChainCheck chain, LineQueries line,
              WorkOrderQueries workOrders, CheckpointKey key, ConsoleConfig config, Clock clock) {
        this.audit = audit;
        this.exports = exports;
        this.chain = chain;
        this.line = line;
        this.workOrders = workOrders;
        this.key = key;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("station") String station, @QueryParam("workOrder") String workOrder,
                         @QueryParam("mac") String mac, @QueryParam("action") String action,
                         @QueryParam("outcome") String outcome, @QueryParam("page") @DefaultValue("0") int page) {
        AuditForm form = new AuditForm(from, to, station, workOrder, mac, action, outcome, page);
        Page<AuditRecordView> results = new Page<>(List.of(), 0, config.auditPageSize(), 0);
        String error = null;
        try {
            results = audit.search(form.search(config.auditPageSize()));
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        long pages = (results.total() + config.auditPageSize() - 1) / config.auditPageSize();
        View view = new View(form, results, pages, error, chain.now(),
                line.stations().stream().map(LineQueries.StationSeen::stationId).toList(),
                workOrders.list(false, config.listLimit()).stream().map(WorkOrderSummary::id).toList(), ACTIONS,
                Arrays.stream(StateKind.values()).map(Enum::name).toList());
        return Response.status(error == null ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_HTML).entity(Templates.audit(view)).build();
    }

    /** The selection as a chain file (JSON lines), for {@code ./fuseline audit verify FILE --public-key KEY}. */
    @GET
    @Path("/export")
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("station") String station, @QueryParam("workOrder") String workOrder,
                           @QueryParam("mac") String mac, @QueryParam("action") String action,
                           @QueryParam("outcome") String outcome) {
        AuditForm form = new AuditForm(from, to, station, workOrder, mac, action, outcome, 0);
        AuditExports.Range range;
        try {
            range = exports.range(form);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN)
                    .entity(e.getMessage() + "\n").build();
        }
        StreamingOutput body = out -> exports.write(range, out);
        return Response.ok(body, "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"fuseline-audit-"
                        + FILE_TIME.format(clock.instant()) + ".jsonl\"").build();
    }

    /** The public key that verifies the checkpoints (PEM), to verify an export with. */
    @GET
    @Path("/public-key")
    @Produces("application/x-pem-file")
    @RolesAllowed({Roles.QUALITY, Roles.SECURITY, Roles.ADMIN})
    public Response publicKey() {
        return Response.ok(key.pem())
                .header("Content-Disposition", "attachment; filename=\"fuseline-audit-public-key.pem\"").build();
    }
}
