package io.fuseline.orchestrator.store;

import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.StepFailed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The registry tables that record facts beside the unit's state: jobs and their steps, fuse burns, quarantine cases,
 * key custody; most rows through a {@link RegistryBatch}, the rare ones here at once. Written in the event's
 * transaction; every write is idempotent on its natural key, so a replayed event cannot double a row.
 */
@ApplicationScoped
public class RegistryProjection {
    private final Jdbc jdbc;

    RegistryProjection(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** A unit's job given up for a new attempt. */
    public void jobAbandoned(String jobId, Instant now) {
        jdbc.update("UPDATE jobs SET status = 'ABANDONED', finished_at = ? WHERE job_id = ? AND status IN "
                + "('ISSUED', 'RUNNING')", "jobs " + jobId, now, jobId);
    }

    /** A collector of the rows one batch of events adds (written by its {@link RegistryBatch#flush()}). */
    public RegistryBatch batch() {
        return new RegistryBatch(jdbc);
    }

    public void stepFailed(StepFailed e, Instant now) {
        jdbc.update("INSERT INTO job_steps (job_id, number, status, finished_at, failure_reason) "
                + "VALUES (?, ?, 'FAILED', ?, ?) ON CONFLICT (job_id, number) DO UPDATE SET status = 'FAILED', "
                + "finished_at = EXCLUDED.finished_at, failure_reason = EXCLUDED.failure_reason",
                "job_steps " + e.jobId() + " step " + e.step(), e.jobId(), e.step(), now, e.reason().name());
        jdbc.update("UPDATE jobs SET status = 'FAILED', finished_at = ? WHERE job_id = ?", "jobs " + e.jobId(), now,
                e.jobId());
    }

    public void quarantined(QuarantineOrdered q, Instant now) {
        jdbc.update("INSERT INTO quarantine_cases (quarantine_id, mac, job_id, failed_step, reason, "
                + "irreversible_steps_done, evidence, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?) "
                + "ON CONFLICT DO NOTHING", "quarantine_cases " + q.quarantineId(), q.quarantineId(),
                q.mac().toString(), q.jobId(), q.failedStep(), q.reason().name(), q.irreversibleStepsDone(),
                Jdbc.json(q.evidence()), now);
    }
}
