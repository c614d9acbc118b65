package io.fuseline.orchestrator.query;

import io.fuseline.orchestrator.query.UnitViews.CustodyView;
import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** Key custody for security officers: by key check value or device, and what the vault did per work order. */
@ApplicationScoped
public class CustodyQueries {
    private static final String SELECT = "SELECT c.*, d.work_order_id FROM custody c "
            + "LEFT JOIN devices d ON d.mac = c.mac ";

    /** What the vault did for one work order, counted from the custody projection. */
    public record SigningCounts(String workOrderId, long units, long keyMaterialRequests, long keysIssued,
                                long flashEncryptionKeys, long nvsKeys, long deviceCertificates, long keysBurned,
                                long destroyed, long escrowed) {
    }

    private final Rows rows;

    CustodyQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    public List<CustodyView> byKcv(String kcv) {
        return rows.list(SELECT + "WHERE c.kcv = ? ORDER BY c.issued_at, c.key_id", "custody kcv " + kcv,
                CustodyQueries::view, kcv);
    }

    public List<CustodyView> byMac(String mac) {
        return rows.list(SELECT + "WHERE c.mac = ? ORDER BY c.issued_at, c.key_id", "custody of " + mac,
                CustodyQueries::view, mac);
    }

    /**
     * Per work order: units keyed, key-material requests answered, keys issued by kind (each device identity key
     * comes with a device certificate the factory CA signed), keys burned and the vault's disposition of its copies.
     */
    public List<SigningCounts> signingCounts() {
        return rows.list("SELECT d.work_order_id, count(DISTINCT c.mac) AS units, count(DISTINCT c.request_id) AS "
                + "requests, count(*) AS keys, count(*) FILTER (WHERE c.kind = 'FLASH_ENCRYPTION_KEY') AS fe, "
                + "count(*) FILTER (WHERE c.kind = 'NVS_ENCRYPTION_KEY') AS nvs, count(*) FILTER (WHERE c.kind = "
                + "'DEVICE_IDENTITY_KEY') AS certs, count(c.burned_at) AS burned, count(*) FILTER (WHERE "
                + "c.disposition = 'DESTROY') AS destroyed, count(*) FILTER (WHERE c.disposition = 'ESCROW') AS "
                + "escrowed FROM custody c JOIN devices d ON d.mac = c.mac GROUP BY d.work_order_id "
                + "ORDER BY d.work_order_id", "custody signing counts", rs -> new SigningCounts(
                        rs.getString(1), rs.getLong("units"), rs.getLong("requests"), rs.getLong("keys"),
                        rs.getLong("fe"), rs.getLong("nvs"), rs.getLong("certs"), rs.getLong("burned"),
                        rs.getLong("destroyed"), rs.getLong("escrowed")));
    }

    private static CustodyView view(ResultSet rs) throws SQLException {
        return new CustodyView(rs.getString("key_id"), rs.getString("mac"), rs.getString("request_id"),
                rs.getString("kind"), rs.getString("purpose"), rs.getString("kcv"), rs.getString("station_id"),
                rs.getString("wrapping_key_fingerprint"), Rows.time(rs, "issued_at"), rs.getString("burned_job_id"),
                rs.getString("burned_block"), Rows.time(rs, "burned_at"), rs.getBoolean("read_protected"),
                rs.getString("disposition"), rs.getString("work_order_id"));
    }
}
