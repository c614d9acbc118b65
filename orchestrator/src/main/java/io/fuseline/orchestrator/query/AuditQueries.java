package io.fuseline.orchestrator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.fuseline.orchestrator.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Searches the audit trail (the stored chain, read-only) for quality engineers and security officers. */
@ApplicationScoped
public class AuditQueries {
    private static final String FROM = " FROM audit_log a LEFT JOIN devices d ON d.mac = a.subject "
            + "WHERE (?::timestamptz IS NULL OR a.time >= ?::timestamptz) "
            + "AND (?::timestamptz IS NULL OR a.time < ?::timestamptz) "
            + "AND (?::text IS NULL OR d.station_id = ? OR a.payload->>'station' = ?) "
            + "AND (?::text IS NULL OR d.work_order_id = ?) AND (?::text IS NULL OR a.subject = ?) "
            + "AND (?::text IS NULL OR a.action = ?) AND (?::text IS NULL OR a.payload->>'cause' = ?) "
            + "AND (?::text IS NULL OR d.state = ?) AND (?::text IS NULL OR a.payload->>'reason' = ? "
            + "OR a.payload->>'failure' = ? OR a.payload->'evidence'->>'failure' = ?)";

    /** One audit record as searched: the chain's columns plus the unit's station and work order now. */
    public record AuditRecordView(long sequence, Instant time, String actor, String action, String subject,
                                  JsonNode payload, String recordHash, String stationId, String workOrderId) {
    }

    private final Rows rows;

    AuditQueries(DataSource dataSource) {
        this.rows = new Rows(new Jdbc(dataSource));
    }

    /** The matching records in chain order, one page of them, and how many match in all. */
    public Page<AuditRecordView> search(AuditSearch s) {
        Object[] params = params(s);
        long total = rows.count("SELECT count(*)" + FROM, "audit_log search", params);
        Object[] paged = java.util.Arrays.copyOf(params, params.length + 2);
        paged[params.length] = s.size();
        paged[params.length + 1] = (long) s.page() * s.size();
        List<AuditRecordView> items = rows.list("SELECT a.sequence, a.time, a.actor, a.action, a.subject, a.payload, "
                + "a.record_hash, d.station_id, d.work_order_id" + FROM + " ORDER BY a.sequence LIMIT ? OFFSET ?",
                "audit_log search", rs -> new AuditRecordView(rs.getLong("sequence"), Rows.time(rs, "time"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("subject"),
                        Rows.json(rs, "payload"), rs.getString("record_hash"), rs.getString("station_id"),
                        rs.getString("work_order_id")), paged);
        return new Page<>(items, s.page(), s.size(), total);
    }

    private static Object[] params(AuditSearch s) {
        return new Object[] {s.from(), s.from(), s.to(), s.to(), s.station(), s.station(), s.station(),
            s.workOrder(), s.workOrder(), s.mac(), s.mac(), s.action(), s.action(), s.cause(), s.cause(),
            s.outcome(), s.outcome(), s.failureReason(), s.failureReason(), s.failureReason(), s.failureReason()};
    }
}
