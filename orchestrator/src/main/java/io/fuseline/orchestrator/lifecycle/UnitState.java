package io.fuseline.orchestrator.lifecycle;

import io.fuseline.schemas.message.Disposition;
import io.fuseline.schemas.message.QuarantineReason;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a unit is in its lifecycle: identified → keyed → job issued → flashing → fuses burning → verified →
 * provisioned, or quarantined from any of them. One record per state; {@link #kind()} names it for exhaustive
 * switches.
 */
public sealed interface UnitState {

    StateKind kind();

    /** The job the unit is on or finished with, if it got that far. */
    default Optional<JobRef> job() {
        return Optional.empty();
    }

    /**
     * Key material was requested from the vault under {@code keyMaterialRequestId}; waiting for it.
     * {@code reentryAttempt} is null for a unit's first admission; for a unit that re-entered after a quarantine
     * release it is the attempt number its next job gets (attempts stay unique per unit).
     */
    record Identified(String keyMaterialRequestId, Integer reentryAttempt) implements UnitState {
        public Identified {
            Objects.requireNonNull(keyMaterialRequestId, "keyMaterialRequestId");
        }

        public Identified(String keyMaterialRequestId) {
            this(keyMaterialRequestId, null);
        }

        /** The attempt number of the unit's next job. */
        public int nextAttempt() {
            return reentryAttempt == null ? 1 : reentryAttempt;
        }

        @Override
        public StateKind kind() { return StateKind.IDENTIFIED; }
    }

    /** The unit's wrapped keys arrived; its next job will be attempt {@code nextAttempt}. */
    record Keyed(int nextAttempt) implements UnitState {
        @Override
        public StateKind kind() { return StateKind.KEYED; }
    }

    /** A job was sent to the station; no step has started yet. */
    record JobIssued(JobRef current) implements UnitState {
        @Override
        public StateKind kind() { return StateKind.JOB_ISSUED; }

        @Override
        public Optional<JobRef> job() { return Optional.of(current); }
    }

    /** Reversible steps (flash writes and their verification) are running: a failure can still be retried. */
    record Flashing(JobRef current) implements UnitState {
        @Override
        public StateKind kind() { return StateKind.FLASHING; }

        @Override
        public Optional<JobRef> job() { return Optional.of(current); }
    }

    /** An irreversible step has started: from here on, any failure quarantines the unit. */
    record FusesBurning(JobRef current) implements UnitState {
        @Override
        public StateKind kind() { return StateKind.FUSES_BURNING; }

        @Override
        public Optional<JobRef> job() { return Optional.of(current); }
    }

    /** Every step completed with its read-back verification. */
    record Verified(JobRef current) implements UnitState {
        @Override
        public StateKind kind() { return StateKind.VERIFIED; }

        @Override
        public Optional<JobRef> job() { return Optional.of(current); }
    }

    /** Done: the vault was told to destroy or escrow the unit's key copies. */
    record Provisioned(JobRef current) implements UnitState {
        @Override
        public StateKind kind() { return StateKind.PROVISIONED; }

        @Override
        public Optional<JobRef> job() { return Optional.of(current); }
    }

    /**
     * Set aside with the reason and the evidence (label to value; never key material). {@code current} and
     * {@code failedStep} are null when the unit never got that far.
     */
    record Quarantined(String quarantineId, QuarantineReason reason, Map<String, String> evidence,
                       boolean irreversibleStepsDone, JobRef current, Integer failedStep) implements UnitState {
        public Quarantined {
            Objects.requireNonNull(quarantineId, "quarantineId");
            Objects.requireNonNull(reason, "reason");
            evidence = Collections.unmodifiableSortedMap(new TreeMap<>(evidence));
        }

        @Override
        public StateKind kind() { return StateKind.QUARANTINED; }

        @Override
        public Optional<JobRef> job() { return Optional.ofNullable(current); }
    }

    /**
     * A quality engineer released quarantine {@code quarantineId} with {@code disposition}. RETEST and REWORK let the
     * unit re-enter when a station identifies it again (new key material, {@code nextAttempt} for its next job);
     * a SCRAP unit that shows up again is quarantined as a duplicate. {@code last} is the job it was on, if any.
     */
    record Released(String quarantineId, Disposition disposition, int nextAttempt, JobRef last) implements UnitState {
        public Released {
            Objects.requireNonNull(quarantineId, "quarantineId");
            Objects.requireNonNull(disposition, "disposition");
        }

        @Override
        public StateKind kind() { return StateKind.RELEASED; }

        @Override
        public Optional<JobRef> job() { return Optional.ofNullable(last); }
    }
}
