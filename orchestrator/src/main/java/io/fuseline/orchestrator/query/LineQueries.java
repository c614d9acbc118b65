package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The line as it is now, for the console's Line page: the stations that spoke, what each jig holds (the unit last
 * seen on it, its job and step), units provisioned in a recent window and open quarantine cases, per station.
 * Read-only.
 */
@ApplicationScoped
public class LineQueries {

    /** A station as its last event left it; the orchestrator's clock, not the station's. */
    public record StationSeen(String stationId, Instant lastSeen, String softwareVersion) {
    }

    /**
     * The unit last seen on one jig and how far its newest job is: {@code steps} in the job, {@code stepsDone}
     * completed, {@code currentStep} the last step that started ("3 WRITE_FLASH"), null before the first. The job
     * columns are null when the unit has no job yet.
     */
    public record JigNow(String stationId, String jigId, String mac, String state, String workOrderId,
                         Instant updatedAt, String jobId, Integer attempt, long steps, long stepsDone,
                         String currentStep) {
    }

    private final Rows rows;

    LineQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    public List<StationSeen> stations() {
        return rows.list("SELECT station_id, last_seen, software_version FROM stations ORDER BY station_id",
                "stations", rs -> new StationSeen(rs.getString(1), Rows.time(rs, "last_seen"), rs.getString(3)));
    }

    /** One row per jig that held a unit updated at or after {@code since}: the most recently updated unit on it. */
    public List<JigNow> jigs(Instant since) {
        return rows.list("SELECT DISTINCT ON (d.station_id, d.jig_id) d.station_id, d.jig_id, d.mac, d.state, "
                + "d.work_order_id, d.updated_at, j.job_id, j.attempt, "
                + "(SELECT count(*) FROM job_step_view s WHERE s.job_id = j.job_id) AS steps, "
                + "(SELECT count(*) FROM job_step_view s WHERE s.job_id = j.job_id AND s.status = 'COMPLETED') "
                + "AS done, "
                + "(SELECT s.number || ' ' || s.kind FROM job_step_view s WHERE s.job_id = j.job_id "
                + "AND s.status <> 'PENDING' ORDER BY s.number DESC LIMIT 1) AS current_step "
                + "FROM devices d LEFT JOIN LATERAL (SELECT job_id, attempt FROM jobs WHERE jobs.mac = d.mac "
                + "ORDER BY attempt DESC LIMIT 1) j ON true WHERE d.updated_at >= ? "
                + "ORDER BY d.station_id, d.jig_id, d.updated_at DESC", "jigs since " + since,
                rs -> new JigNow(rs.getString("station_id"), rs.getString("jig_id"), rs.getString("mac"),
                        rs.getString("state"), rs.getString("work_order_id"), Rows.time(rs, "updated_at"),
                        rs.getString("job_id"), Rows.intOrNull(rs, "attempt"), rs.getLong("steps"),
                        rs.getLong("done"), rs.getString("current_step")), since);
    }

    /** Units that reached PROVISIONED at or after {@code since} (by their audit record), per station. */
    public Map<String, Long> provisionedSince(Instant since) {
        return perStation(rows.list("SELECT d.station_id, count(*) FROM audit_log a JOIN devices d ON d.mac = a.subject "
                + "WHERE a.time >= ? AND a.action = 'unit.transition' AND a.payload->>'to' = 'PROVISIONED' "
                + "GROUP BY d.station_id", "provisioned since " + since, LineQueries::stationCount, since));
    }

    /** Open quarantine cases per station (the station the unit was last on). */
    public Map<String, Long> openQuarantines() {
        return perStation(rows.list("SELECT d.station_id, count(*) FROM quarantine_cases q JOIN devices d "
                + "ON d.mac = q.mac WHERE q.closed_at IS NULL GROUP BY d.station_id", "open quarantine count",
                LineQueries::stationCount));
    }

    private static Map.Entry<String, Long> stationCount(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Map.entry(rs.getString(1), rs.getLong(2));
    }

    private static Map<String, Long> perStation(List<Map.Entry<String, Long>> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
