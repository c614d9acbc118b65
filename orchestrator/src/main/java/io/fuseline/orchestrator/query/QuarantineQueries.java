package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.query.UnitViews.DispositionView;
import io.fuseline.orchestrator.query.UnitViews.QuarantineView;
import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Quarantine cases with their evidence and decisions. */
@ApplicationScoped
public class QuarantineQueries {
    private static final String SELECT = "SELECT q.*, d.station_id, d.work_order_id FROM quarantine_cases q "
            + "JOIN devices d ON d.mac = q.mac ";

    private final Rows rows;

    QuarantineQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    /** Open cases (no decision yet), oldest first, optionally of one reason, at most {@code limit}. */
    public List<QuarantineView> open(String reason, int limit) {
        return withDispositions(rows.list(SELECT + "WHERE q.closed_at IS NULL AND (?::text IS NULL OR q.reason = ?) "
                + "ORDER BY q.opened_at, q.quarantine_id LIMIT ?", "open quarantine cases", QuarantineQueries::view,
                reason, reason, limit));
    }

    public Optional<QuarantineView> byId(String quarantineId) {
        return withDispositions(rows.list(SELECT + "WHERE q.quarantine_id = ?", "quarantine_cases " + quarantineId,
                QuarantineQueries::view, quarantineId)).stream().findFirst();
    }

    public List<QuarantineView> byMac(String mac) {
        return withDispositions(rows.list(SELECT + "WHERE q.mac = ? ORDER BY q.opened_at", "quarantine of " + mac,
                QuarantineQueries::view, mac));
    }

    private List<QuarantineView> withDispositions(List<QuarantineView> cases) {
        for (QuarantineView q : cases) {
            q.dispositions().addAll(rows.list("SELECT * FROM quarantine_dispositions WHERE quarantine_id = ? "
                    + "ORDER BY id", "quarantine_dispositions " + q.quarantineId(), rs -> new DispositionView(
                            rs.getString("disposition"), rs.getString("decided_by"), rs.getString("reason"),
                            Rows.time(rs, "decided_at")), q.quarantineId()));
        }
        return cases;
    }

    private static QuarantineView view(ResultSet rs) throws SQLException {
        return new QuarantineView(rs.getString("quarantine_id"), rs.getString("mac"), rs.getString("job_id"),
                Rows.intOrNull(rs, "failed_step"), rs.getString("reason"), rs.getBoolean("irreversible_steps_done"),
                Rows.json(rs, "evidence"), Rows.time(rs, "opened_at"), Rows.time(rs, "closed_at"),
                rs.getString("station_id"), rs.getString("work_order_id"), new ArrayList<>());
    }
}
