package io.fuseline.orchestrator.outbox;

import io.fuseline.orchestrator.store.AuditLogStore;
import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Which audit records have been published to {@code fuseline.audit}: a cursor over the chain's sequence, moved by
 * the relay in the transaction that holds it. Publishing straight from {@code audit_log} keeps the event path from
 * writing every record twice (once to the log, once to the outbox) and marking the copy published later.
 */
@ApplicationScoped
public class AuditPublication {
    private final Jdbc jdbc;
    private final AuditLogStore log;

    AuditPublication(DataSource dataSource, AuditLogStore log) {
        this.jdbc = new Jdbc(dataSource);
        this.log = log;
    }

    /**
     * Locks the cursor for this transaction and returns the last published sequence, or nothing if another relay
     * holds it (that one is publishing; one at a time keeps the records in chain order on the topic).
     */
    public OptionalLong lock() {
        return jdbc.with("SELECT published_sequence FROM audit_publication WHERE id = 1 FOR UPDATE SKIP LOCKED",
                "audit_publication", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                    }
                });
    }

    /** The committed records after {@code sequence}, at most {@code limit}, in chain order. */
    public List<AuditLogStore.Publishable> after(long sequence, int limit) {
        return log.after(sequence, limit);
    }

    /** Records that every record up to {@code sequence} is published (inside the transaction holding the lock). */
    public void published(long sequence) {
        jdbc.update("UPDATE audit_publication SET published_sequence = ? WHERE id = 1", "audit_publication",
                sequence);
    }

    /** Records committed but not yet published (part of the outbox backlog metric). */
    public long backlog() {
        return jdbc.with("SELECT h.sequence - p.published_sequence FROM audit_head h, audit_publication p "
                + "WHERE h.id = 1 AND p.id = 1", "audit publication backlog", ps -> {
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Math.max(0, rs.getLong(1)) : 0L;
                    }
                });
    }
}
