package io.fuseline.orchestrator.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.JobStep;
import io.fuseline.schemas.message.KeyMaterialIssued;
import io.fuseline.schemas.message.ProvisionJob;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepStarted;
import io.fuseline.schemas.message.WrappedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The registry rows one batch of events adds, written when the batch ends, each kind in one JDBC batch instead of
 * one statement per event: jobs issued, keys issued, steps started and completed (one row per step: a step started
 * and completed in the same batch is written once), fuses burned, and what the vault is asked to do with a unit's
 * keys. Every statement is a round trip and a start of the server's executor, whatever it writes, so their number
 * per batch, not per unit, is what this saves. The rows end as if each event had been written on its own (they are
 * written in the order a unit's life produces them); callers {@link #flush()} before any other write to the same
 * jobs. Not thread-safe.
 */
public final class RegistryBatch {
    /** What the batch learnt of one step: when it started and, if it did, how it completed. */
    private static final class Step {
        private Instant startedAt;
        private Instant finishedAt;
        private long durationMillis;
        private String evidence;
    }

    private record Key(String jobId, int step) {
    }

    private final Jdbc jdbc;
    private final Map<Key, Step> steps = new LinkedHashMap<>();
    private final Set<String> jobsStarted = new LinkedHashSet<>();
    private final Map<String, Instant> jobsDone = new LinkedHashMap<>();
    private final List<Object[]> burns = new ArrayList<>();
    private final List<Object[]> burnedKeys = new ArrayList<>();
    private final List<Object[]> jobs = new ArrayList<>();
    private final List<Object[]> keys = new ArrayList<>();
    private final List<Object[]> dispositions = new ArrayList<>();

    RegistryBatch(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A job issued: its row, with its plan (job_steps gets a row when the station first reports a step). */
    public void jobIssued(ProvisionJob job, Instant now) {
        ArrayNode plan = Jdbc.JSON.createArrayNode();
        for (JobStep s : job.steps()) {
            plan.addObject().put("number", s.number()).put("kind", s.kind().name()).put("irreversible",
                    s.irreversible()).set("params", Jdbc.JSON.valueToTree(s.params()));
        }
        jobs.add(new Object[] {job.jobId(), job.mac().toString(), job.stationId(), job.jigId(), job.workOrderId(),
                job.recipeId(), job.attempt(), job.keyMaterialRequestId(), now, plan});
    }

    /** The vault issued a unit's keys: one custody row per key. */
    public void keysIssued(KeyMaterialIssued e, Instant now) {
        if (!dispositions.isEmpty()) {
            // A disposition noted earlier applies to the keys there were then, not to these.
            flush();
        }
        for (WrappedKey k : e.wrappedKeys()) {
            keys.add(new Object[] {k.keyId(), e.mac().toString(), e.requestId(), k.kind().name(),
                    k.purpose() == null ? null : k.purpose().name(), k.kcv(), e.stationId(),
                    e.wrappingKeyFingerprint(), now, now});
        }
    }

    /** Notes what the vault is asked to do with a unit's key copies once the unit is done or quarantined. */
    public void custodyDisposition(String mac, String disposition, Instant now) {
        dispositions.add(new Object[] {disposition, now, mac});
    }

    public void started(StepStarted e, Instant now) {
        Step s = steps.computeIfAbsent(new Key(e.jobId(), e.step()), k -> new Step());
        if (s.startedAt == null && s.finishedAt == null) {
            s.startedAt = now;
        }
        jobsStarted.add(e.jobId());
    }

    /** A completed step; {@code jobDone} when it was the job's last. */
    public void completed(StepCompleted e, boolean jobDone, Instant now) {
        Step s = steps.computeIfAbsent(new Key(e.jobId(), e.step()), k -> new Step());
        s.finishedAt = now;
        s.durationMillis = e.durationMillis();
        s.evidence = Jdbc.json(e.evidence());
        if (jobDone) {
            jobsDone.put(e.jobId(), now);
        }
    }

    /** A fuse field burned; a key's burn is also noted on the key's custody row. */
    public void burned(FuseBurned e, Instant now) {
        burns.add(new Object[] {e.mac().toString(), e.jobId(), e.step(), e.block(), e.field(), e.before(), e.after(),
                e.kcv(), e.readProtected(), e.writeProtected(), now});
        if (e.kcv() != null) {
            burnedKeys.add(new Object[] {e.jobId(), e.field(), now, e.readProtected(), now, e.mac().toString(),
                    e.kcv()});
        }
    }

    /** Writes what was noted so far (nothing if nothing was). */
    public void flush() {
        if (steps.isEmpty() && jobsDone.isEmpty() && burns.isEmpty() && jobs.isEmpty() && keys.isEmpty()
                && dispositions.isEmpty()) {
            return;
        }
        jdbc.batchOf("INSERT INTO jobs (job_id, mac, station_id, jig_id, work_order_id, recipe_id, attempt, "
                + "key_material_request_id, issued_at, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT DO NOTHING", "jobs issued: job/unit", jobs, 0, 1);
        jdbc.batchOf("INSERT INTO custody (key_id, mac, request_id, kind, purpose, kcv, station_id, "
                + "wrapping_key_fingerprint, issued_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", "custody, keys issued: unit/key", keys, 1, 0);
        List<Object[]> started = new ArrayList<>();
        List<Object[]> completed = new ArrayList<>();
        steps.forEach((k, s) -> {
            if (s.finishedAt == null) {
                started.add(new Object[] {k.jobId(), k.step(), s.startedAt});
            } else {
                // A start seen in this batch is kept unless the row already has one (a start from an earlier batch).
                completed.add(new Object[] {k.jobId(), k.step(), s.startedAt, s.finishedAt, s.durationMillis,
                        s.evidence});
            }
        });
        // A step's row appears with its first report (the plan is the job's); a step starts only from PENDING (a
        // late report of its start changes nothing). Jobs issued before V12 have every row already: the same
        // statements update them.
        jdbc.batchOf("INSERT INTO job_steps (job_id, number, status, started_at) VALUES (?, ?, 'STARTED', ?) "
                + "ON CONFLICT (job_id, number) DO UPDATE SET status = 'STARTED', started_at = EXCLUDED.started_at "
                + "WHERE job_steps.status = 'PENDING'", "job_steps started: job/step", started, 0, 1);
        jdbc.batchOf("INSERT INTO job_steps (job_id, number, status, started_at, finished_at, duration_ms, evidence) "
                + "VALUES (?, ?, 'COMPLETED', ?, ?, ?, ?::jsonb) ON CONFLICT (job_id, number) DO UPDATE SET "
                + "status = 'COMPLETED', started_at = coalesce(job_steps.started_at, EXCLUDED.started_at), "
                + "finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms, "
                + "evidence = EXCLUDED.evidence",
                "job_steps completed: job/step", completed, 0, 1);
        // A job runs from its first started step on, and is done with its last.
        jdbc.batchOf("UPDATE jobs SET status = 'RUNNING' WHERE job_id = ? AND status = 'ISSUED'", "jobs running:",
                jobsStarted.stream().map(id -> new Object[] {id}).toList(), 0);
        jdbc.batchOf("UPDATE jobs SET status = 'COMPLETED', finished_at = ? WHERE job_id = ?", "jobs completed:",
                jobsDone.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList(), 1);
        jdbc.batchOf("INSERT INTO fuse_burns (mac, job_id, step, block, field, before_value, after_value, kcv, "
                + "read_protected, write_protected, burned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", "fuse_burns: unit/job/step/field", burns, 0, 1, 2, 4);
        jdbc.batchOf("UPDATE custody SET burned_job_id = ?, burned_block = ?, burned_at = ?, read_protected = ?, "
                + "updated_at = ? WHERE mac = ? AND kcv = ?", "custody, keys burned: unit/kcv", burnedKeys, 5, 6);
        jdbc.batchOf("UPDATE custody SET disposition = ?, updated_at = ? WHERE mac = ? AND disposition IS NULL",
                "custody dispositions: unit/disposition", dispositions, 2, 0);
        jobs.clear();
        keys.clear();
        dispositions.clear();
        steps.clear();
        jobsStarted.clear();
        jobsDone.clear();
        burns.clear();
        burnedKeys.clear();
    }
}
