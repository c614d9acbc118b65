package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code audit_checkpoint_requests} table: the checkpoints asked of the vault and whether they were answered.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class CheckpointRequestStore {
    /** One request: record {@code sequence} with hash {@code recordHash}, asked at {@code requestedAt}. */
    public record Request(String requestId, long sequence, String recordHash, Instant requestedAt,
                          boolean answered) {
    }

    private final Jdbc jdbc;

    CheckpointRequestStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void insert(Request r) {
        jdbc.update("INSERT INTO audit_checkpoint_requests (request_id, sequence, record_hash, requested_at) "
                + "VALUES (?, ?, ?, ?)", "audit_checkpoint_requests " + r.requestId(), r.requestId(), r.sequence(),
                r.recordHash(), r.requestedAt());
    }

    /** The request {@code requestId}, its row locked until the transaction ends. */
    public Optional<Request> lock(String requestId) {
        return first("SELECT * FROM audit_checkpoint_requests WHERE request_id = ? FOR UPDATE", requestId);
    }

    /** The newest request neither answered nor abandoned, if any. */
    public Optional<Request> newestOpen() {
        return first("SELECT * FROM audit_checkpoint_requests WHERE answered_at IS NULL AND abandoned_at IS NULL "
                + "ORDER BY requested_at DESC LIMIT 1");
    }

    /** Marks the open requests asked before {@code cutoff} abandoned at {@code now}; returns them. */
    public List<Request> abandonOpenBefore(Instant cutoff, Instant now) {
        return jdbc.with("UPDATE audit_checkpoint_requests SET abandoned_at = ? WHERE answered_at IS NULL "
                + "AND abandoned_at IS NULL AND requested_at < ? RETURNING *", "audit_checkpoint_requests", ps -> {
                    Jdbc.bind(ps, now, cutoff);
                    return read(ps.executeQuery());
                });
    }

    /** Records the answer (the first one: a repeated answer keeps the first time). */
    public void answered(String requestId, Instant at) {
        jdbc.update("UPDATE audit_checkpoint_requests SET answered_at = ? WHERE request_id = ? AND answered_at IS NULL",
                "audit_checkpoint_requests " + requestId, at, requestId);
    }

    private Optional<Request> first(String sql, Object... params) {
        return jdbc.with(sql, "audit_checkpoint_requests", ps -> {
            Jdbc.bind(ps, params);
            List<Request> rows = read(ps.executeQuery());
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        });
    }

    private static List<Request> read(ResultSet rs) throws java.sql.SQLException {
        try (rs) {
            List<Request> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Request(rs.getString("request_id"), rs.getLong("sequence"), rs.getString("record_hash"),
                        rs.getTimestamp("requested_at").toInstant(), rs.getTimestamp("answered_at") != null));
            }
            return rows;
        }
    }
}
