package io.fuseline.orchestrator.unit;

import io.fuseline.esp.MacAddress;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Test-side SQL over the registry: what the tests assert on, and the tampering an intruder with SQL access does. */
@ApplicationScoped
public class Registry {
    private final DataSource dataSource;

    Registry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    String state(MacAddress mac) {
        List<String> rows = strings("SELECT state FROM devices WHERE mac = ?", mac.toString());
        return rows.isEmpty() ? null : rows.get(0);
    }

    int count(String table, MacAddress mac) {
        return Integer.parseInt(strings("SELECT count(*) FROM " + table + " WHERE mac = ?", mac.toString()).get(0));
    }

    String jobStatus(String jobId) {
        return strings("SELECT status FROM jobs WHERE job_id = ?", jobId).get(0);
    }

    /** Each step of a job as {@code number status started? finished? duration? evidence?}, in step order. */
    List<String> jobSteps(String jobId) {
        return strings("SELECT number || ' ' || status || ' ' || (started_at IS NOT NULL) || ' ' || "
                + "(finished_at IS NOT NULL) || ' ' || (duration_ms IS NOT NULL) || ' ' || (evidence IS NOT NULL) "
                + "FROM job_step_view WHERE job_id = ? ORDER BY number", jobId);
    }

    /**
     * Turns a job into one issued before V12 stored plans: every planned step as a PENDING row of job_steps, and no
     * plan on the job.
     */
    void asJobIssuedBeforePlans(String jobId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement rows = c.prepareStatement("INSERT INTO job_steps (job_id, number, kind, irreversible, "
                     + "params) SELECT j.job_id, p.number, p.kind, p.irreversible, p.params FROM jobs j, "
                     + "jsonb_to_recordset(j.plan) AS p(number integer, kind text, irreversible boolean, params jsonb) "
                     + "WHERE j.job_id = ?");
             PreparedStatement plan = c.prepareStatement("UPDATE jobs SET plan = NULL WHERE job_id = ?")) {
            rows.setString(1, jobId);
            rows.executeUpdate();
            plan.setString(1, jobId);
            plan.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> jobIds(MacAddress mac) {
        return strings("SELECT job_id FROM jobs WHERE mac = ? ORDER BY attempt", mac.toString());
    }

    int inbox(String eventId) {
        return Integer.parseInt(strings("SELECT count(*) FROM inbox WHERE event_id = ?", eventId).get(0));
    }

    List<String> custody(MacAddress mac) {
        return strings("SELECT key_id || ' ' || coalesce(burned_block, '-') || ' ' || coalesce(disposition, '-') "
                + "FROM custody WHERE mac = ?", mac.toString());
    }

    String quarantineReason(MacAddress mac) {
        List<String> rows = strings("SELECT reason FROM quarantine_cases WHERE mac = ? ORDER BY opened_at DESC",
                mac.toString());
        return rows.isEmpty() ? null : rows.get(0);
    }

    String workOrderCounters(String id) {
        return strings("SELECT started || '/' || provisioned || '/' || quarantined FROM work_orders WHERE id = ?", id)
                .get(0);
    }

    List<String> auditActions(MacAddress mac) {
        return strings("SELECT action FROM audit_log WHERE subject = ? ORDER BY sequence", mac.toString());
    }

    String auditHashOfTransition(MacAddress mac, String to) {
        return strings("SELECT record_hash FROM audit_log WHERE subject = ? AND action = 'unit.transition' "
                + "AND payload->>'to' = ?", mac.toString(), to).get(0);
    }

    /** The audit records as stored, {@code sequence -> record_hash}, in chain order. */
    List<String> auditHashes() {
        return strings("SELECT record_hash FROM audit_log ORDER BY sequence");
    }

    long publishedAuditSequence() {
        return Long.parseLong(strings("SELECT published_sequence FROM audit_publication").get(0));
    }

    long someMiddleRecord() {
        return Long.parseLong(strings("SELECT max(sequence) / 2 FROM audit_log").get(0));
    }

    /** Runs {@code update} on record {@code sequence} past the append-only trigger; returns its canonical JSON. */
    String tamper(long sequence, String update) {
        String original = strings("SELECT canonical_json FROM audit_log WHERE sequence = ?", sequence).get(0);
        bypassingTrigger(c -> {
            try (PreparedStatement ps = c.prepareStatement(update)) {
                ps.setLong(1, sequence);
                ps.executeUpdate();
            }
        });
        return original;
    }

    void restore(long sequence, String canonical) {
        bypassingTrigger(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_log SET canonical_json = ? WHERE sequence = ?")) {
                ps.setString(1, canonical);
                ps.setLong(2, sequence);
                ps.executeUpdate();
            }
        });
    }

    void restorePayload(long sequence) {
        bypassingTrigger(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_log SET payload = (canonical_json::jsonb)->'payload' WHERE sequence = ?")) {
                ps.setLong(1, sequence);
                ps.executeUpdate();
            }
        });
    }

    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private void bypassingTrigger(SqlWork work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
                work.run(c);
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only");
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
