package io.fuseline.orchestrator.audit.export;

import io.fuseline.orchestrator.audit.StoredCheckpoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;

/** The {@code audit_checkpoints} row as a {@link StoredCheckpoint} (the signature is stored as base64 text). */
public final class CheckpointRows {
    private CheckpointRows() {
    }

    public static StoredCheckpoint read(ResultSet rs) throws SQLException {
        return new StoredCheckpoint(rs.getLong("sequence"), rs.getString("record_hash"), rs.getString("key_id"),
                rs.getString("algorithm"), Base64.getDecoder().decode(rs.getString("signature")),
                rs.getTimestamp("signed_at").toInstant());
    }
}
