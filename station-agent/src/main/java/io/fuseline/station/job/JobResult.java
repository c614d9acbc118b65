package io.fuseline.station.job;

import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.StepKind;

/**
 * How a job ended on the station. The orchestrator decides retry or quarantine from the events; this is for the
 * station itself (operator console, jig state, metrics).
 */
public sealed interface JobResult {

    /** The job's id. */
    String jobId();

    /** Every step ran and verified by read-back: the unit goes to the pass bin. */
    record Completed(String jobId, int steps) implements JobResult {
    }

    /**
     * Step {@code step} failed. {@code irreversibleRan} says whether any eFuse was burned in this job (then the unit
     * must be quarantined; otherwise the job may be retried when {@code reason.retriable()}).
     */
    record Failed(String jobId, int step, StepKind kind, FailureReason reason, boolean irreversibleRan)
            implements JobResult {
        /** Whether the unit belongs in the quarantine bin rather than back on a jig for a retry. */
        public boolean quarantine() {
            return irreversibleRan || !reason.retriable();
        }
    }
}
