package io.fuseline.orchestrator.console;

import io.fuseline.orchestrator.query.LineQueries;
import io.fuseline.orchestrator.query.ReportQueries;
import io.fuseline.orchestrator.query.ReportQueries.ParetoRow;
import io.fuseline.orchestrator.query.ReportQueries.YieldRow;
import io.fuseline.orchestrator.query.WorkOrderQueries;
import io.fuseline.orchestrator.query.WorkOrderQueries.WorkOrderSummary;
import io.fuseline.orchestrator.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The Reports page: yield and failure Pareto per work order and station, as charts and tables, each downloadable
 * as CSV. The same queries as {@code GET /api/reports/yield} and {@code /pareto}, with the same roles.
 */
@Path("/console/reports")
public class ReportsPage {

    /** The page: the filter as chosen, the rows, their charts, the choices for the filter. */
    public record View(String workOrder, String station, List<YieldRow> yield, Charts.Chart yieldChart,
                       List<ParetoRow> pareto, Charts.Chart paretoChart, List<String> workOrders,
                       List<String> stations, String csvQuery) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(View view);
    }

    private final ReportQueries reports;
    private final WorkOrderQueries workOrders;
    private final LineQueries line;
    private final ConsoleConfig config;

    ReportsPage(ReportQueries reports, WorkOrderQueries workOrders, LineQueries line, ConsoleConfig config) {
        this.reports = reports;
        this.workOrders = workOrders;
        this.line = line;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    public TemplateInstance page(@QueryParam("workOrder") String workOrder, @QueryParam("station") String station) {
        String wo = blankToNull(workOrder);
        String st = blankToNull(station);
        List<YieldRow> yield = reports.yield(wo, st);
        List<ParetoRow> pareto = reports.pareto(wo, st);
        return Templates.reports(new View(wo == null ? "" : wo, st == null ? "" : st, yield, Charts.yield(yield),
                pareto, Charts.pareto(pareto),
                workOrders.list(false, config.listLimit()).stream().map(WorkOrderSummary::id).toList(),
                line.stations().stream().map(LineQueries.StationSeen::stationId).toList(), query(wo, st)));
    }

    @GET
    @Path("/yield.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    public Response yieldCsv(@QueryParam("workOrder") String workOrder, @QueryParam("station") String station) {
        List<List<?>> rows = reports.yield(blankToNull(workOrder), blankToNull(station)).stream()
                .<List<?>>map(r -> Arrays.asList(r.workOrderId(), r.stationId(), r.units(), r.provisioned(),
                        r.firstPass(), r.quarantined(), r.released(), r.inProgress(), r.yieldPercent())).toList();
        return csv("fuseline-yield.csv", Csv.of(List.of("workOrder", "station", "units", "provisioned", "firstPass",
                "quarantined", "released", "inProgress", "yieldPercent"), rows));
    }

    @GET
    @Path("/pareto.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.OPERATOR, Roles.QUALITY, Roles.ADMIN})
    public Response paretoCsv(@QueryParam("workOrder") String workOrder, @QueryParam("station") String station) {
        List<List<?>> rows = reports.pareto(blankToNull(workOrder), blankToNull(station)).stream()
                .<List<?>>map(r -> Arrays.asList(r.kind(), r.reason(), r.count(), r.percent(), r.cumulativePercent()))
                .toList();
        return csv("fuseline-pareto.csv", Csv.of(List.of("kind", "reason", "count", "percent", "cumulativePercent"),
                rows));
    }

    private static Response csv(String file, String body) {
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private static String query(String wo, String st) {
        StringBuilder q = new StringBuilder();
        if (wo != null) {
            q.append("workOrder=").append(URLEncoder.encode(wo, StandardCharsets.UTF_8));
        }
        if (st != null) {
            q.append(q.length() == 0 ? "" : "&").append("station=").append(URLEncoder.encode(st, StandardCharsets.UTF_8));
        }
        return q.length() == 0 ? "" : "?" + q;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
