package io.fuseline.orchestrator.store;

import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What jobs did during one batch of events, written when the batch ends: steps started and completed (one row
 * update per step: a step started and completed in the same batch is written once) and fuses burned, each kind in
 * one JDBC batch, instead of one statement per event (a job's steps are most of the events a station sends). The
 * rows end as if each event had been written on its own; callers {@link #flush()} before any other write to the same
 * jobs. Not thread-safe.
 */
public final class JobProgress {
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

    JobProgress(Jdbc jdbc) {
        this.jdbc = jdbc;
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
        if (steps.isEmpty() && jobsDone.isEmpty() && burns.isEmpty()) {
            return;
        }
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
        jdbc.batch("INSERT INTO job_steps (job_id, number, status, started_at) VALUES (?, ?, 'STARTED', ?) "
                + "ON CONFLICT (job_id, number) DO UPDATE SET status = 'STARTED', started_at = EXCLUDED.started_at "
                + "WHERE job_steps.status = 'PENDING'", "job_steps: " + started.size() + " started", started);
        jdbc.batch("INSERT INTO job_steps (job_id, number, status, started_at, finished_at, duration_ms, evidence) "
                + "VALUES (?, ?, 'COMPLETED', ?, ?, ?, ?::jsonb) ON CONFLICT (job_id, number) DO UPDATE SET "
                + "status = 'COMPLETED', started_at = coalesce(job_steps.started_at, EXCLUDED.started_at), "
                + "finished_at = EXCLUDED.finished_at, duration_ms = EXCLUDED.duration_ms, "
                + "evidence = EXCLUDED.evidence",
                "job_steps: " + completed.size() + " completed", completed);
        // A job runs from its first started step on, and is done with its last.
        jdbc.batch("UPDATE jobs SET status = 'RUNNING' WHERE job_id = ? AND status = 'ISSUED'", "jobs: "
                + jobsStarted.size() + " running", jobsStarted.stream().map(id -> new Object[] {id}).toList());
        jdbc.batch("UPDATE jobs SET status = 'COMPLETED', finished_at = ? WHERE job_id = ?", "jobs: "
                + jobsDone.size() + " completed", jobsDone.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        jdbc.batch("INSERT INTO fuse_burns (mac, job_id, step, block, field, before_value, after_value, kcv, "
                + "read_protected, write_protected, burned_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING", "fuse_burns: " + burns.size(), burns);
        jdbc.batch("UPDATE custody SET burned_job_id = ?, burned_block = ?, burned_at = ?, read_protected = ?, "
                + "updated_at = ? WHERE mac = ? AND kcv = ?", "custody: " + burnedKeys.size() + " keys burned",
                burnedKeys);
        steps.clear();
        jobsStarted.clear();
        jobsDone.clear();
        burns.clear();
        burnedKeys.clear();
    }
}
