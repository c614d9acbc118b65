package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Yield and failure Pareto per work order and station, from the registry as it is now. */
@ApplicationScoped
public class ReportQueries {

    /**
     * Units per work order and station (the station a unit was last on): how many ended provisioned, quarantined,
     * released from quarantine, are still in progress; first-pass = provisioned on attempt 1 without any
     * quarantine. {@code yieldPercent} is provisioned over decided (provisioned + quarantined + released), one decimal.
     */
    public record YieldRow(String workOrderId, String stationId, long units, long provisioned, long firstPass,
                           long quarantined, long released, long inProgress, double yieldPercent) {
    }

    /**
     * One failure category: {@code kind} is {@code quarantine} (a quarantine reason) or {@code step} (a step failure
     * reason, retried or not); {@code percent} its share of all failures in scope, {@code cumulativePercent} the
     * running total in descending order (the Pareto line).
     */
    public record ParetoRow(String kind, String reason, long count, double percent, double cumulativePercent) {
    }

    private final Rows rows;

    ReportQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    public List<YieldRow> yield(String workOrder, String station) {
        return rows.list("SELECT d.work_order_id, d.station_id, count(*) AS units, "
                + "count(*) FILTER (WHERE d.state = 'PROVISIONED') AS provisioned, "
                + "count(*) FILTER (WHERE d.state = 'PROVISIONED' AND (d.state_data->'current'->>'attempt')::int = 1 "
                + "AND NOT EXISTS (SELECT 1 FROM quarantine_cases q WHERE q.mac = d.mac)) AS first_pass, "
                + "count(*) FILTER (WHERE d.state = 'QUARANTINED') AS quarantined, "
                + "count(*) FILTER (WHERE d.state = 'RELEASED') AS released, "
                + "count(*) FILTER (WHERE d.state IN ('IDENTIFIED', 'KEYED', 'JOB_ISSUED', 'FLASHING', "
                + "'FUSES_BURNING', 'VERIFIED')) AS in_progress FROM devices d "
                + "WHERE (?::text IS NULL OR d.work_order_id = ?) AND (?::text IS NULL OR d.station_id = ?) "
                + "GROUP BY d.work_order_id, d.station_id ORDER BY d.work_order_id, d.station_id", "yield report",
                rs -> {
                    long provisioned = rs.getLong("provisioned");
                    long decided = provisioned + rs.getLong("quarantined") + rs.getLong("released");
                    return new YieldRow(rs.getString("work_order_id"), rs.getString("station_id"),
                            rs.getLong("units"), provisioned, rs.getLong("first_pass"), rs.getLong("quarantined"),
                            rs.getLong("released"), rs.getLong("in_progress"), percent(provisioned, decided));
                }, workOrder, workOrder, station, station);
    }

    public List<ParetoRow> pareto(String workOrder, String station) {
        record Count(String kind, String reason, long count) {
        }
        List<Count> counts = rows.list("SELECT kind, reason, count(*) AS n FROM ("
                + "SELECT 'quarantine' AS kind, q.reason, d.work_order_id AS wo, d.station_id AS st "
                + "FROM quarantine_cases q JOIN devices d ON d.mac = q.mac "
                + "UNION ALL SELECT 'step', s.failure_reason, j.work_order_id, j.station_id "
                + "FROM job_steps s JOIN jobs j ON j.job_id = s.job_id WHERE s.failure_reason IS NOT NULL) f "
                + "WHERE (?::text IS NULL OR wo = ?) AND (?::text IS NULL OR st = ?) "
                + "GROUP BY kind, reason ORDER BY n DESC, kind, reason", "failure pareto",
                rs -> new Count(rs.getString("kind"), rs.getString("reason"), rs.getLong("n")),
                workOrder, workOrder, station, station);
        long total = counts.stream().mapToLong(Count::count).sum();
        List<ParetoRow> out = new ArrayList<>();
        long running = 0;
        for (Count c : counts) {
            running += c.count();
            out.add(new ParetoRow(c.kind(), c.reason(), c.count(), percent(c.count(), total),
                    percent(running, total)));
        }
        return out;
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
