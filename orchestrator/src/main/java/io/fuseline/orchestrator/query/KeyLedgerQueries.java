package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every per-device key's life as the orchestrator saw it, for security officers: generated and wrapped for a
 * station (the vault's answer), delivered (the first job that carried it to that station), burned (block, read
 * protection), and the vault's disposition of its copies (DESTROY or ESCROW). Read-only.
 */
@ApplicationScoped
public class KeyLedgerQueries {
    private static final String SELECT = "SELECT c.key_id, c.mac, c.kind, c.purpose, c.kcv, c.request_id, "
            + "c.station_id, c.wrapping_key_fingerprint, c.issued_at, (SELECT min(j.issued_at) FROM jobs j "
            + "WHERE j.key_material_request_id = c.request_id) AS delivered_at, c.burned_block, c.burned_at, "
            + "c.read_protected, c.disposition, CASE WHEN c.disposition IS NULL THEN NULL ELSE c.updated_at END "
            + "AS disposed_at, d.state, d.work_order_id FROM custody c LEFT JOIN devices d ON d.mac = c.mac ";

    /**
     * One key's life. {@code deliveredAt} is null until a job carried it; {@code disposedAt} is when the disposition
     * was recorded (null while the vault still holds it for the unit). {@code unitState} is the unit's state now.
     */
    public record KeyLife(String keyId, String mac, String kind, String purpose, String kcv, String requestId,
                          String stationId, String wrappingKeyFingerprint, Instant issuedAt, Instant deliveredAt,
                          String burnedBlock, Instant burnedAt, boolean readProtected, String disposition,
                          Instant disposedAt, String unitState, String workOrderId) {
    }

    private final Rows rows;

    KeyLedgerQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    /**
     * Keys newest first, optionally only those of a key check value (lowercase hex) or of a unit (canonical MAC),
     * at most {@code limit}.
     */
    public List<KeyLife> lives(String kcv, String mac, int limit) {
        return rows.list(SELECT + "WHERE (?::text IS NULL OR c.kcv = ?) AND (?::text IS NULL OR c.mac = ?) "
                + "ORDER BY c.issued_at DESC, c.key_id LIMIT ?", "custody lives", KeyLedgerQueries::life,
                kcv, kcv, mac, mac, limit);
    }

    /**
     * Keys not yet accounted for, oldest first: no disposition recorded, so the vault may still hold a copy. A unit
     * still in its job is expected here; a unit that left the line without one is what to look into.
     */
    public List<KeyLife> unaccounted(int limit) {
        return rows.list(SELECT + "WHERE c.disposition IS NULL ORDER BY c.issued_at, c.key_id LIMIT ?",
                "custody unaccounted", KeyLedgerQueries::life, limit);
    }

    private static KeyLife life(ResultSet rs) throws SQLException {
        return new KeyLife(rs.getString("key_id"), rs.getString("mac"), rs.getString("kind"), rs.getString("purpose"),
                rs.getString("kcv"), rs.getString("request_id"), rs.getString("station_id"),
                rs.getString("wrapping_key_fingerprint"), Rows.time(rs, "issued_at"), Rows.time(rs, "delivered_at"),
                rs.getString("burned_block"), Rows.time(rs, "burned_at"), rs.getBoolean("read_protected"),
                rs.getString("disposition"), Rows.time(rs, "disposed_at"), rs.getString("state"),
                rs.getString("work_order_id"));
    }
}
