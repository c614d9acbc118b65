package io.fuseline.orchestrator.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.WrappedKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The registry tables that record facts beside the unit's state: jobs and their steps (progress and fuse burns
 * through {@link JobProgress}), quarantine cases, key custody. Written in the event's transaction; every write is
 * idempotent on its natural key, so a replayed event cannot double a row.
 */
@ApplicationScoped
public class RegistryProjection {
    private final Jdbc jdbc;

    RegistryProjection(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    public void jobIssued(ProvisionJob job, String previousJobId, Instant now) {
        if (previousJobId != null) {
            jdbc.update("UPDATE jobs SET status = 'ABANDONED', finished_at = ? WHERE job_id = ? AND status IN "
                    + "('ISSUED', 'RUNNING')", "jobs " + previousJobId, now, previousJobId);
        }
        // The plan rides with the job; job_steps gets a row when the station first reports a step (JobProgress).
        ArrayNode plan = Jdbc.JSON.createArrayNode();
        for (JobStep s : job.steps()) {
            plan.addObject().put("number", s.number()).put("kind", s.kind().name()).put("irreversible",
                    s.irreversible()).set("params", Jdbc.JSON.valueToTree(s.params()));
        }
        jdbc.update("INSERT INTO jobs (job_id, mac, station_id, jig_id, work_order_id, recipe_id, attempt, "
                + "key_material_request_id, issued_at, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT DO NOTHING", "jobs " + job.jobId(), job.jobId(), job.mac().toString(), job.stationId(),
                job.jigId(), job.workOrderId(), job.recipeId(), job.attempt(), job.keyMaterialRequestId(), now, plan);
    }

    /** A collector of step progress for one batch of events (written by its {@link JobProgress#flush()}). */
    public JobProgress jobProgress() {
        return new JobProgress(jdbc);
    }

    public void stepFailed(StepFailed e, Instant now) {
        jdbc.update("INSERT INTO job_steps (job_id, number, status, finished_at, failure_reason) "
                + "VALUES (?, ?, 'FAILED', ?, ?) ON CONFLICT (job_id, number) DO UPDATE SET status = 'FAILED', "
                + "finished_at = EXCLUDED.finished_at, failure_reason = EXCLUDED.failure_reason",
                "job_steps " + e.jobId() + " step " + e.step(), e.jobId(), e.step(), now, e.reason().name());
        jdbc.update("UPDATE jobs SET status = 'FAILED', finished_at = ? WHERE job_id = ?", "jobs " + e.jobId(), now,
                e.jobId());
    }

    public void keysIssued(KeyMaterialIssued e, Instant now) {
        List<Object[]> rows = new ArrayList<>(e.wrappedKeys().size());
        for (WrappedKey k : e.wrappedKeys()) {
            rows.add(new Object[] {k.keyId(), e.mac().toString(), e.requestId(), k.kind().name(),
                    k.purpose() == null ? null : k.purpose().name(), k.kcv(), e.stationId(),
                    e.wrappingKeyFingerprint(), now, now});
        }
        jdbc.batch("INSERT INTO custody (key_id, mac, request_id, kind, purpose, kcv, station_id, "
                + "wrapping_key_fingerprint, issued_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", "custody of " + e.mac() + " request " + e.requestId(), rows);
    }

    public void quarantined(QuarantineOrdered q, Instant now) {
        jdbc.update("INSERT INTO quarantine_cases (quarantine_id, mac, job_id, failed_step, reason, "
                + "irreversible_steps_done, evidence, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) "
                + "ON CONFLICT DO NOTHING", "quarantine_cases " + q.quarantineId(), q.quarantineId(),
                q.mac().toString(), q.jobId(), q.failedStep(), q.reason().name(), q.irreversibleStepsDone(),
                Jdbc.json(q.evidence()), now);
    }

    /** Notes what the vault is asked to do with a unit's key copies once the unit is done or quarantined. */
    public void custodyDisposition(String mac, String disposition, Instant now) {
        jdbc.update("UPDATE custody SET disposition = ?, updated_at = ? WHERE mac = ? AND disposition IS NULL",
                "custody " + mac, disposition, now, mac);
    }
}
