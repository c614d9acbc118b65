package io.fuseline.orchestrator.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.orchestrator.audit.AuditBody;
import io.fuseline.orchestrator.audit.AuditChainVerifier;
import io.fuseline.orchestrator.audit.AuditHash;
import io.fuseline.orchestrator.audit.ChainReport;
import io.fuseline.orchestrator.audit.StoredAuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit log in PostgreSQL. Appending locks the chain's head row until the transaction ends, so the records of
 * concurrent transactions (from any number of instances) chain in commit order, without gaps or forks. The lock is
 * taken as late as possible in an event's transaction, to keep that serialised section short.
 */
@ApplicationScoped
public class AuditLogStore {
    private static final int PAGE = 1000;

    private final Jdbc jdbc;

    AuditLogStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Locks the head and returns an appender for this transaction; call {@link Appender#finish()} before commit. */
    public Appender open() {
        return jdbc.with("SELECT sequence, record_hash FROM audit_head WHERE id = 1 FOR UPDATE", "audit_head", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Appender(rs.getLong(1), rs.getString(2));
            }
        });
    }

    /** Verifies the whole stored chain, page by page; the report names the first broken record. */
    public ChainReport verify() {
        List<StoredAuditRecord> all = new ArrayList<>();
        long from = 0;
        while (true) {
            List<StoredAuditRecord> page = page(from);
            all.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
        return new AuditChainVerifier().verify(all);
    }

    /** Records of one subject (a MAC or {@code line}), in chain order. */
    public List<StoredAuditRecord> bySubject(String subject) {
        return jdbc.with("SELECT * FROM audit_log WHERE subject = ? ORDER BY sequence", "audit_log " + subject, ps -> {
            ps.setString(1, subject);
            return rows(ps.executeQuery());
        });
    }

    /** A committed record as it goes to {@code fuseline.audit}: its place, hash, subject, time and canonical text. */
    public record Publishable(long sequence, String recordHash, String subject, Instant time, String canonicalJson) {
    }

    /**
     * Up to {@code limit} records after {@code sequence}, in chain order. Committed records always form a prefix of
     * the chain (appenders hold the head's lock until they commit), so reading past a cursor never skips one that
     * commits later. Only what publication needs is read: the canonical text holds every member but the hash.
     */
    public List<Publishable> after(long sequence, int limit) {
        return jdbc.with("SELECT sequence, record_hash, subject, time, canonical_json FROM audit_log "
                + "WHERE sequence > ? ORDER BY sequence LIMIT ?", "audit_log after " + sequence, ps -> {
                    ps.setLong(1, sequence);
                    ps.setInt(2, limit);
                    List<Publishable> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Publishable(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getTimestamp(4).toInstant(), rs.getString(5)));
                        }
                    }
                    return rows;
                });
    }

    private List<StoredAuditRecord> page(long from) {
        return jdbc.with("SELECT * FROM audit_log WHERE sequence >= ? ORDER BY sequence LIMIT " + PAGE,
                "audit_log from " + from, ps -> {
                    ps.setLong(1, from);
                    return rows(ps.executeQuery());
                });
    }

    private static List<StoredAuditRecord> rows(ResultSet rs) throws java.sql.SQLException {
        List<StoredAuditRecord> rows = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                rows.add(new StoredAuditRecord(rs.getLong("sequence"), rs.getString("previous_hash"),
                        rs.getString("record_hash"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject"), Jdbc.fromJson(rs.getString("payload"), JsonNode.class),
                        rs.getTimestamp("time").toInstant(), rs.getString("canonical_json")));
            }
        }
        return rows;
    }

    /**
     * Appends records after the locked head, within the caller's transaction: {@link #append} computes each record
     * and its hash at once, and {@link #finish()} writes them all in one batch and moves the head. Not thread-safe.
     */
    public final class Appender {
        // The payload column is taken from the canonical text by the server: the payload is serialised once, for the
        // hash, and the column cannot differ from what the hash covers.
        private static final String INSERT = "INSERT INTO audit_log (sequence, previous_hash, record_hash, actor, "
                + "action, subject, time, canonical_json, payload) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, (?::jsonb)->'payload')";

        private long sequence;
        private String head;
        private final long firstSequence;
        private final List<Object[]> rows = new ArrayList<>();

        private Appender(long sequence, String head) {
            this.sequence = sequence;
            this.head = head;
            this.firstSequence = sequence;
        }

        /**
         * Appends a record (written at {@link #finish()}) prepared before the head was locked: only its place in the
         * chain is added here, and its hash computed.
         */
        public void append(AuditBody body) {
            long seq = sequence + 1;
            String canonical = body.canonical(seq, head);
            String hash = AuditHash.sha256(canonical);
            rows.add(new Object[] {seq, head, hash, body.actor(), body.action(), body.subject(), body.time(),
                    canonical, canonical});
            sequence = seq;
            head = hash;
        }

        /** The hash of the last record appended (or of the head found, if none). */
        public String head() { return head; }

        /** Writes the appended records and moves the head row to the last of them. */
        public void finish() {
            if (sequence != firstSequence) {
                jdbc.batch(INSERT, "audit_log " + (firstSequence + 1) + ".." + sequence, rows);
                rows.clear();
                jdbc.update("UPDATE audit_head SET sequence = ?, record_hash = ? WHERE id = 1", "audit_head",
                        sequence, head);
            }
        }
    }
}
