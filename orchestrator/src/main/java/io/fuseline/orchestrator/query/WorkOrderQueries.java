package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Work orders with their counters and the stations that build them. */
@ApplicationScoped
public class WorkOrderQueries {
    private static final String SELECT = "SELECT w.*, (SELECT coalesce(string_agg(s.station_id, ',' ORDER BY "
            + "s.station_id), '') FROM station_assignments s WHERE s.work_order_id = w.id) AS stations FROM work_orders w ";

    /**
     * A work order as the API shows it. {@code chip} is the recipe's chip ({@code *}: any, for work orders made
     * before chips were recorded); {@code stations} build it now.
     */
    public record WorkOrderSummary(String id, String recipe, String chip, String lot, int quantity, int overbuildQuota,
                                   int started, int provisioned, int quarantined, String status, Instant createdAt,
                                   List<String> stations) {
    }

    private final Rows rows;

    WorkOrderQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    /** Newest first, optionally only the open ones, at most {@code limit}. */
    public List<WorkOrderSummary> list(boolean openOnly, int limit) {
        return rows.list(SELECT + "WHERE (NOT ? OR w.status = 'OPEN') ORDER BY w.created_at DESC, w.id LIMIT ?",
                "work orders", WorkOrderQueries::summary, openOnly, limit);
    }

    public Optional<WorkOrderSummary> byId(String id) {
        return rows.list(SELECT + "WHERE w.id = ?", "work order " + id, WorkOrderQueries::summary, id).stream()
                .findFirst();
    }

    private static WorkOrderSummary summary(ResultSet rs) throws SQLException {
        String stations = rs.getString("stations");
        return new WorkOrderSummary(rs.getString("id"), rs.getString("recipe_id"), rs.getString("chip"),
                rs.getString("lot"), rs.getInt("quantity"), rs.getInt("overbuild_quota"), rs.getInt("started"),
                rs.getInt("provisioned"), rs.getInt("quarantined"), rs.getString("status"),
                Rows.time(rs, "created_at"), stations.isEmpty() ? List.of() : Arrays.asList(stations.split(",")));
    }
}
