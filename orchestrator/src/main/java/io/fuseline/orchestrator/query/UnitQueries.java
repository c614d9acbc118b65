package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.query.UnitViews.FuseBurnView;
import io.fuseline.orchestrator.query.UnitViews.JobView;
import io.fuseline.orchestrator.query.UnitViews.StepView;
import io.fuseline.orchestrator.query.UnitViews.Transition;
import io.fuseline.orchestrator.query.UnitViews.UnitHistory;
import io.fuseline.orchestrator.query.UnitViews.UnitSummary;
import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Finds units by MAC, serial or lot and assembles a unit's full history from the registry and the audit log.
 * Read-only; each call reads in its own statements (a history is consistent per table, not across tables).
 */
@ApplicationScoped
public class UnitQueries {
    private static final String SUMMARY = "SELECT d.mac, d.chip, d.revision, d.state, d.station_id, d.jig_id, "
            + "d.work_order_id, d.recipe_id, w.lot, d.updated_at, d.state_data FROM devices d "
            + "LEFT JOIN work_orders w ON w.id = d.work_order_id ";
    /** Most units one search returns (a lot can be large; the API says when it cut). */
    public static final int MAX_UNITS = 1000;

    private final Rows rows;
    private final CustodyQueries custody;
    private final QuarantineQueries quarantine;

    UnitQueries(DataSource dataSource, CustodyQueries custody, QuarantineQueries quarantine) {
        this.rows = new Rows(new Jdbc(dataSource));
        this.custody = custody;
        this.quarantine = quarantine;
    }

    /** The unit with this MAC (canonical lowercase, colon-separated), if registered. */
    public Optional<UnitSummary> byMac(String mac) {
        return rows.list(SUMMARY + "WHERE d.mac = ?", "devices " + mac, UnitQueries::summary, mac).stream()
                .findFirst();
    }

    /** The units of a lot (through their work orders), in MAC order, at most {@link #MAX_UNITS}. */
    public List<UnitSummary> byLot(String lot) {
        return rows.list(SUMMARY + "WHERE w.lot = ? ORDER BY d.mac LIMIT " + MAX_UNITS, "devices of lot " + lot,
                UnitQueries::summary, lot);
    }

    /** A unit's full history, or empty when the MAC is not registered. */
    public Optional<UnitHistory> history(String mac) {
        List<UnitHistory> found = rows.list(SUMMARY + "WHERE d.mac = ?", "devices " + mac, rs -> new UnitHistory(
                summary(rs), Rows.json(rs, "state_data"), null, null, null, null, null, null), mac);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UnitHistory head = found.get(0);
        return Optional.of(new UnitHistory(head.unit(), head.currentState(), transitions(mac), jobs(mac),
                fuseBurns(mac), custody.byMac(mac), quarantine.byMac(mac), auditSequences(mac)));
    }

    private List<Transition> transitions(String mac) {
        return rows.list("SELECT sequence, time, payload->>'from' AS f, payload->>'to' AS t, payload->>'cause' AS c "
                + "FROM audit_log WHERE subject = ? AND action = 'unit.transition' ORDER BY sequence",
                "audit_log transitions of " + mac, rs -> new Transition(rs.getLong("sequence"), Rows.time(rs, "time"),
                        rs.getString("f"), rs.getString("t"), rs.getString("c")), mac);
    }

    private List<JobView> jobs(String mac) {
        List<JobView> jobs = rows.list("SELECT * FROM jobs WHERE mac = ? ORDER BY attempt", "jobs of " + mac,
                rs -> new JobView(rs.getString("job_id"), rs.getInt("attempt"), rs.getString("station_id"),
                        rs.getString("jig_id"), rs.getString("status"), Rows.time(rs, "issued_at"),
                        Rows.time(rs, "finished_at"), new ArrayList<>()), mac);
        for (JobView job : jobs) {
            job.steps().addAll(rows.list("SELECT * FROM job_step_view WHERE job_id = ? ORDER BY number",
                    "job_steps of " + job.jobId() + " unit " + mac, UnitQueries::step, job.jobId()));
        }
        return jobs;
    }

    private List<FuseBurnView> fuseBurns(String mac) {
        return rows.list("SELECT * FROM fuse_burns WHERE mac = ? ORDER BY burned_at, id", "fuse_burns of " + mac,
                rs -> new FuseBurnView(rs.getString("job_id"), rs.getInt("step"), rs.getInt("block"),
                        rs.getString("field"), rs.getString("before_value"), rs.getString("after_value"),
                        rs.getString("kcv"), rs.getBoolean("read_protected"), rs.getBoolean("write_protected"),
                        Rows.time(rs, "burned_at")), mac);
    }

    private List<Long> auditSequences(String mac) {
        return rows.list("SELECT sequence FROM audit_log WHERE subject = ? ORDER BY sequence", "audit_log of " + mac,
                rs -> rs.getLong(1), mac);
    }

    private static StepView step(ResultSet rs) throws SQLException {
        long duration = rs.getLong("duration_ms");
        return new StepView(rs.getInt("number"), rs.getString("kind"), rs.getBoolean("irreversible"),
                rs.getString("status"), Rows.time(rs, "started_at"), Rows.time(rs, "finished_at"),
                rs.wasNull() ? null : duration, Rows.json(rs, "evidence"), rs.getString("failure_reason"));
    }

    private static UnitSummary summary(ResultSet rs) throws SQLException {
        return new UnitSummary(rs.getString("mac"), rs.getString("chip"), rs.getString("revision"),
                rs.getString("state"), rs.getString("station_id"), rs.getString("jig_id"),
                rs.getString("work_order_id"), rs.getString("recipe_id"), rs.getString("lot"),
                Rows.time(rs, "updated_at"));
    }
}
