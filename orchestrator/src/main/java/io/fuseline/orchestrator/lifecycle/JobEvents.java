package io.fuseline.orchestrator.lifecycle;

import io.fuseline.schemas.message.DeviceDetached;
import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.FuseBurned;
import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The station's reports on a running job. An event for another job than the unit's current one (a late report of
 * an attempt that was already replaced) changes nothing and is noted in the audit trail.
 */
final class JobEvents {
    private final Retry retry;
    private final Ids ids;

    JobEvents(Retry retry, Ids ids) {
        this.retry = retry;
        this.ids = ids;
    }

    Outcome started(Unit unit, StepStarted e, String cause) {
        Optional<JobRef> job = current(unit, e.jobId());
        if (job.isEmpty()) {
            return stale(unit, cause, e.jobId());
        }
        Decision d = new Decision(unit, cause);
        return switch (unit.state().kind()) {
            case JOB_ISSUED -> d.to(e.kind().irreversible() ? new UnitState.FusesBurning(job.get())
                    : new UnitState.Flashing(job.get()), "jobId", e.jobId(), "step", e.step()).outcome();
            case FLASHING -> e.kind().irreversible()
                    ? d.to(new UnitState.FusesBurning(job.get()), "jobId", e.jobId(), "step", e.step()).outcome()
                    : d.outcome();
            case FUSES_BURNING -> d.outcome();
            case IDENTIFIED, KEYED, VERIFIED, PROVISIONED, QUARANTINED, RELEASED -> stale(unit, cause, e.jobId());
        };
    }

    Outcome completed(Unit unit, StepCompleted e, String cause) {
        Optional<JobRef> found = current(unit, e.jobId());
        if (found.isEmpty() || !unit.state().kind().inJob()) {
            return stale(unit, cause, e.jobId());
        }
        JobRef job = found.get().completed(e.step());
        Decision d = new Decision(unit, cause).audit(AuditEntry.of("step.completed", "jobId", e.jobId(), "attempt",
                e.attempt(), "step", e.step(), "kind", e.kind().name(), "durationMillis", e.durationMillis(),
                "evidence", e.evidence()));
        boolean burning = unit.state().kind() == StateKind.FUSES_BURNING || e.kind().irreversible();
        if (job.lastCompletedStep() < job.stepCount()) {
            UnitState next = burning ? new UnitState.FusesBurning(job) : new UnitState.Flashing(job);
            // Progress within a state is stored without a transition record; the step record above says it.
            return next.kind() == unit.state().kind() ? d.replace(unit.withState(next)).outcome()
                    : d.to(next, "jobId", e.jobId(), "step", e.step()).outcome();
        }
        d.to(new UnitState.Verified(job), "jobId", job.jobId(), "steps", job.stepCount());
        d.to(new UnitState.Provisioned(job), "jobId", job.jobId(), "attempt", job.attempt());
        return d.command(new DeviceProvisioned(job.jobId(), unit.mac(), unit.chip(), unit.stationId(),
                unit.workOrderId(), unit.recipeId(), job.attempt(), job.keyMaterialRequestId(), job.burnedKeyIds(),
                Outcome.AUDIT_HEAD_PENDING)).outcome();
    }

    Outcome failed(Unit unit, StepFailed e, String cause) {
        Optional<JobRef> job = current(unit, e.jobId());
        if (job.isEmpty() || !unit.state().kind().inJob()) {
            return stale(unit, cause, e.jobId());
        }
        Decision d = new Decision(unit, cause).audit(AuditEntry.of("step.failed", "jobId", e.jobId(), "attempt",
                e.attempt(), "step", e.step(), "kind", e.kind().name(), "reason", e.reason().name(), "retriable",
                e.retriable(), "expected", e.expected(), "actual", e.actual(), "detail", e.detail()));
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("jobId", e.jobId());
        evidence.put("step", e.step() + " " + e.kind());
        evidence.put("failure", e.reason().name());
        putIfPresent(evidence, "expected", e.expected());
        putIfPresent(evidence, "actual", e.actual());
        putIfPresent(evidence, "detail", e.detail());
        boolean afterIrreversible = unit.state().kind() == StateKind.FUSES_BURNING || job.get().irreversibleBy(e.step())
                || e.kind().irreversible();
        if (afterIrreversible || !e.retriable()) {
            d.quarantine(ids.next("q"), FailureRules.quarantineReason(e.reason(), afterIrreversible), evidence,
                    e.step());
        } else {
            retry.retry(d, job.get().attempt(), evidence, e.step(), true);
        }
        return d.outcome();
    }

    Outcome fuseBurned(Unit unit, FuseBurned e, String cause) {
        Optional<JobRef> job = current(unit, e.jobId());
        if (job.isEmpty() || !unit.state().kind().inJob()) {
            return stale(unit, cause, e.jobId());
        }
        Decision d = new Decision(unit, cause).audit(AuditEntry.of("fuse.burned", "jobId", e.jobId(), "step",
                e.step(), "block", e.block(), "field", e.field(), "before", e.before(), "after", e.after(), "kcv",
                e.kcv(), "readProtected", e.readProtected(), "writeProtected", e.writeProtected()));
        if (unit.state().kind() != StateKind.FUSES_BURNING) {
            d.to(new UnitState.FusesBurning(job.get()), "jobId", e.jobId(), "step", e.step());
        }
        return d.outcome();
    }

    Outcome detached(Unit unit, DeviceDetached e, String cause) {
        Optional<JobRef> job = unit.state().job();
        if (!e.duringJob() || job.isEmpty() || !unit.state().kind().inJob()) {
            return Outcome.noted(unit, AuditEntry.of("unit.detached", "station", e.stationId(), "jig", e.jigId(),
                    "duringJob", e.duringJob()));
        }
        Decision d = new Decision(unit, cause);
        int step = job.get().lastCompletedStep() + 1;
        Map<String, String> evidence = Map.of("jobId", job.get().jobId(), "failure", "DEVICE_DISCONNECTED",
                "step", Integer.toString(step));
        if (unit.state().kind() == StateKind.FUSES_BURNING || job.get().irreversibleBy(step)) {
            d.quarantine(ids.next("q"), FailureRules.quarantineReason(
                    io.fuseline.schemas.message.FailureReason.DEVICE_DISCONNECTED, true), evidence, step);
        } else {
            // The unit is off its jig: the next job goes out when a station identifies it again.
            retry.retry(d, job.get().attempt(), evidence, step, false);
        }
        return d.outcome();
    }

    private static Optional<JobRef> current(Unit unit, String jobId) {
        return unit.state().job().filter(j -> j.jobId().equals(jobId));
    }

    static Outcome stale(Unit unit, String cause, String jobId) {
        return Outcome.noted(unit, AuditEntry.of("event.ignored", "cause", cause, "jobId", jobId, "state",
                unit.state().kind().name(), "currentJob", unit.state().job().map(JobRef::jobId).orElse(null)));
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
