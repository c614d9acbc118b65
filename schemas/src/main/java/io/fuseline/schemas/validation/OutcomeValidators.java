package io.fuseline.schemas.validation;

import io.fuseline.schemas.message.DeviceProvisioned;
import io.fuseline.schemas.message.QuarantineOrdered;
import io.fuseline.schemas.message.QuarantineReason;
import io.fuseline.schemas.message.QuarantineReleased;

/** The validators of a unit's outcome: provisioned, quarantined, released. */
final class OutcomeValidators {
    private OutcomeValidators() {}

    /** DeviceProvisioned: a unicast MAC and a SHA-256 audit head. */
    static final MessageValidator<DeviceProvisioned> PROVISIONED = (m, check) -> {
        check.unicastMac(m.mac(), "/mac");
        check.sha256(m.auditHead(), "/auditHead");
    };

    /**
     * QuarantineOrdered: a unicast MAC; a failed step belongs to a job; a failure after an irreversible step names
     * the job and step and says irreversible steps ran; exhausted retries name the job.
     */
    static final MessageValidator<QuarantineOrdered> ORDERED = (m, check) -> {
        check.unicastMac(m.mac(), "/mac");
        check.require(m.failedStep() == null || m.jobId() != null, "/jobId", "is required with failedStep");
        if (m.reason() == QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP) {
            check.require(m.irreversibleStepsDone(), "/irreversibleStepsDone", "must be true for " + m.reason());
            check.require(m.jobId() != null, "/jobId", "is required for " + m.reason());
            check.require(m.failedStep() != null, "/failedStep", "is required for " + m.reason());
        }
        if (m.reason() == QuarantineReason.RETRIES_EXHAUSTED) {
            check.require(m.jobId() != null, "/jobId", "is required for " + m.reason());
        }
    };

    /** QuarantineReleased: a unicast MAC and a reason that says something. */
    static final MessageValidator<QuarantineReleased> RELEASED = (m, check) -> {
        check.unicastMac(m.mac(), "/mac");
        check.require(!m.reason().isBlank(), "/reason", "a release needs a reason an auditor can read");
    };
}
