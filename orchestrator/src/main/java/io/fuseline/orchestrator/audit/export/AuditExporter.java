package io.fuseline.orchestrator.audit.export;

import io.fuseline.orchestrator.audit.StoredCheckpoint;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the audit records of a time range, with the checkpoints that sign them, in the {@link ExportFormat}. The
 * range is widened to whole sequence numbers: every record from the first one at or after {@code from} to the last
 * one before {@code to}, so the export is a gap-free stretch of the chain even where concurrent writers' times
 * interleave. Reads with plain JDBC (the CLI runs it without the service), in pages, in one read-only transaction
 * so the stretch is a consistent snapshot.
 */
public final class AuditExporter {
    /** Records read per query. */
    static final int PAGE = 1000;

    /** How much was written. */
    public record Summary(long firstSequence, long lastSequence, long records, int checkpoints) {
    }

    private final Clock clock;

    public AuditExporter(Clock clock) {
        this.clock = clock;
    }

    /** Exports records with {@code from <= time < to} (either may be null: open). Does not close the connection. */
    public Summary export(Connection c, Instant from, Instant to, Writer out) throws SQLException, IOException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            c.setReadOnly(true);
            long[] range = range(c, from, to);
            long first = range[0];
            long last = range[1];
            long count = last >= first ? last - first + 1 : 0;
            out.write(ExportFormat.header(from, to, clock.instant(), first, last, count));
            out.write('\n');
            Map<Long, StoredCheckpoint> checkpoints = checkpoints(c, first, last);
            for (long next = first; next <= last; next += PAGE) {
                page(c, next, Math.min(last, next + PAGE - 1), checkpoints, out);
            }
            out.flush();
            c.commit();
            return new Summary(first, last, count, checkpoints.size());
        } finally {
            c.rollback();
            c.setReadOnly(false);
            c.setAutoCommit(autoCommit);
        }
    }

    private static long[] range(Connection c, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT min(sequence), max(sequence) FROM audit_log WHERE "
                + "(?::timestamptz IS NULL OR time >= ?::timestamptz) AND (?::timestamptz IS NULL OR time < ?::timestamptz)")) {
            Timestamp f = from == null ? null : Timestamp.from(from);
            Timestamp t = to == null ? null : Timestamp.from(to);
            ps.setTimestamp(1, f);
            ps.setTimestamp(2, f);
            ps.setTimestamp(3, t);
            ps.setTimestamp(4, t);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                return rs.wasNull() ? new long[] {0, -1} : new long[] {min, rs.getLong(2)};
            }
        }
    }

    private static Map<Long, StoredCheckpoint> checkpoints(Connection c, long first, long last) throws SQLException {
        Map<Long, StoredCheckpoint> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_checkpoints WHERE sequence BETWEEN ? AND ? "
                + "ORDER BY sequence")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong("sequence"), CheckpointRows.read(rs));
                }
            }
        }
        return found;
    }

    private static void page(Connection c, long from, long to, Map<Long, StoredCheckpoint> checkpoints, Writer out)
            throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sequence, record_hash, canonical_json FROM audit_log "
                + "WHERE sequence BETWEEN ? AND ? ORDER BY sequence")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.write(ExportFormat.record(rs.getString(2), rs.getString(3)));
                    out.write('\n');
                    StoredCheckpoint cp = checkpoints.get(rs.getLong(1));
                    if (cp != null) {
                        out.write(ExportFormat.checkpoint(cp));
                        out.write('\n');
                    }
                }
            }
        }
    }
}
