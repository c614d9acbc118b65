package io.fuseline.orchestrator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Decisions on quarantine cases. Callers run inside a transaction. */
@ApplicationScoped
public class QuarantineStore {
    private final Jdbc jdbc;

    QuarantineStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** An open or closed case as locked for a decision. */
    public record Case(String quarantineId, String mac, boolean closed) {
    }

    /** The case, locked until the transaction ends (two engineers deciding at once: the second waits, then sees it closed). */
    public Optional<Case> lock(String quarantineId) {
        return jdbc.with("SELECT mac, closed_at FROM quarantine_cases WHERE quarantine_id = ? FOR UPDATE",
                "quarantine_cases " + quarantineId, ps -> {
                    ps.setString(1, quarantineId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(new Case(quarantineId, rs.getString(1),
                                rs.getTimestamp(2) != null)) : Optional.empty();
                    }
                });
    }

    /** Records the decision and closes the case. */
    public void decide(String quarantineId, String disposition, String by, String reason, Instant now) {
        jdbc.update("INSERT INTO quarantine_dispositions (quarantine_id, disposition, decided_by, reason, decided_at) "
                + "VALUES (?, ?, ?, ?, ?)", "quarantine_dispositions " + quarantineId, quarantineId, disposition, by,
                reason, now);
        jdbc.update("UPDATE quarantine_cases SET closed_at = ? WHERE quarantine_id = ?", "quarantine_cases "
                + quarantineId, now, quarantineId);
    }

    /** The attempt number a unit's next job gets: one more than any job it had. */
    public int nextAttempt(String mac) {
        return jdbc.with("SELECT coalesce(max(attempt), 0) + 1 FROM jobs WHERE mac = ?", "jobs of " + mac, ps -> {
            ps.setString(1, mac);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
