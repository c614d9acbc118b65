package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.audit.StoredAuditRecord;
import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the stored audit chain for verifying it: a stretch of records from a sequence number on, with the canonical
 * JSON their hashes cover, and single record hashes (the one a signed checkpoint names). Read-only.
 */
@ApplicationScoped
public class ChainQueries {
    private final Rows rows;

    ChainQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    /** Up to {@code limit} records from {@code fromSequence} on, in chain order. */
    public List<StoredAuditRecord> records(long fromSequence, int limit) {
        return rows.list("SELECT sequence, previous_hash, record_hash, actor, action, subject, payload, time, "
                + "canonical_json FROM audit_log WHERE sequence >= ? ORDER BY sequence LIMIT ?",
                "audit_log from " + fromSequence, rs -> new StoredAuditRecord(rs.getLong("sequence"),
                        rs.getString("previous_hash"), rs.getString("record_hash"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("subject"), Rows.json(rs, "payload"),
                        Rows.time(rs, "time"), rs.getString("canonical_json")), fromSequence, limit);
    }

    /** The stored hash of record {@code sequence}, if there is such a record. */
    public Optional<String> recordHash(long sequence) {
        return rows.list("SELECT record_hash FROM audit_log WHERE sequence = ?", "audit_log " + sequence,
                rs -> rs.getString(1), sequence).stream().findFirst();
    }
}
