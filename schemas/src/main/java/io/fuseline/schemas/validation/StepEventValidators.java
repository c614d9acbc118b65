package io.fuseline.schemas.validation;

import io.fuseline.schemas.message.StepCompleted;
import io.fuseline.schemas.message.StepFailed;
import io.fuseline.schemas.message.StepStarted;

/** The validators of the three step events, which share their rules about the unit. */
final class StepEventValidators {
    private StepEventValidators() {}

    /** StepStarted: a unicast MAC. */
    static final MessageValidator<StepStarted> STARTED = (m, check) -> check.unicastMac(m.mac(), "/mac");

    /** StepCompleted: a unicast MAC and evidence for every verified step (what was compared, and with what). */
    static final MessageValidator<StepCompleted> COMPLETED = (m, check) -> {
        check.unicastMac(m.mac(), "/mac");
        check.require(!m.evidence().isEmpty(), "/evidence",
                "a completed step reports what it verified (e.g. md5 or read-back value)");
    };

    /**
     * StepFailed: a unicast MAC, {@code retriable} equal to the reason's, and both sides of a failed comparison.
     */
    static final MessageValidator<StepFailed> FAILED = (m, check) -> {
        check.unicastMac(m.mac(), "/mac");
        check.require(m.retriable() == m.reason().retriable(), "/retriable",
                "must be " + m.reason().retriable() + " for " + m.reason());
        if (m.reason().needsEvidence()) {
            check.require(m.expected() != null, "/expected", "is required for " + m.reason());
            check.require(m.actual() != null, "/actual", "is required for " + m.reason());
        }
    };
}
