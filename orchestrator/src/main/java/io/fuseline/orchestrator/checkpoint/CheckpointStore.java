package io.fuseline.orchestrator.checkpoint;

import io.fuseline.orchestrator.audit.CheckpointSigner;
import io.fuseline.orchestrator.audit.StoredCheckpoint;
import io.fuseline.orchestrator.audit.export.CheckpointRows;
import io.fuseline.orchestrator.store.Jdbc;
import io.fuseline.schemas.checkpoint.CheckpointStatement;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code audit_checkpoints} table and the chain head it signs. */
@ApplicationScoped
public class CheckpointStore {
    /** The chain's committed head: the last record's sequence (-1 when empty) and hash. */
    public record Head(long sequence, String recordHash) {
    }

    private final Jdbc jdbc;

    CheckpointStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public Head head() {
        return jdbc.with("SELECT sequence, record_hash FROM audit_head WHERE id = 1", "audit_head", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Head(rs.getLong(1), rs.getString(2));
            }
        });
    }

    public Optional<StoredCheckpoint> last() {
        List<StoredCheckpoint> last = latest(1);
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
    }

    /** The newest {@code limit} checkpoints, newest first. */
    public List<StoredCheckpoint> latest(int limit) {
        return jdbc.with("SELECT * FROM audit_checkpoints ORDER BY sequence DESC LIMIT ?", "audit_checkpoints", ps -> {
            ps.setInt(1, limit);
            List<StoredCheckpoint> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(CheckpointRows.read(rs));
                }
            }
            return rows;
        });
    }

    /** Stores a checkpoint; false if another instance signed the same record first. */
    public boolean insert(CheckpointSigner.Checkpoint c, Instant signedAt) {
        return jdbc.update("INSERT INTO audit_checkpoints (sequence, record_hash, key_id, algorithm, signature, "
                + "signed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", "audit_checkpoints " + c.sequence(),
                c.sequence(), c.recordHash(), c.keyId(), CheckpointStatement.ALGORITHM,
                Base64.getEncoder().encodeToString(c.signature()), signedAt) == 1;
    }
}
