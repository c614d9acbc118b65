package io.fuseline.schemas.message;

/**
 * Why a step failed: a closed set, so the orchestrator's retry policy is an exhaustive switch. Retriable reasons
 * are transient (a cable, a busy HSM) and the step may run again if no irreversible step has run yet; the others
 * say something about the unit or the job that a retry cannot fix.
 */
public enum FailureReason {
    SERIAL_TIMEOUT(true, false),
    SYNC_FAILED(true, false),
    FLASH_WRITE_ERROR(true, false),
    VERIFY_MISMATCH(true, true),
    EFUSE_BURN_NOT_VERIFIED(false, true),
    EFUSE_WRITE_PROTECTED(false, false),
    CHIP_UNEXPECTED_STATE(false, true),
    DIGEST_MISMATCH(false, true),
    SIGNATURE_INVALID(false, false),
    KEY_UNWRAP_FAILED(false, false),
    DEVICE_DISCONNECTED(true, false),
    HSM_UNAVAILABLE(true, false),
    INTERNAL(false, false);

    private final boolean retriable;
    private final boolean needsEvidence;

    FailureReason(boolean retriable, boolean needsEvidence) {
        this.retriable = retriable;
        this.needsEvidence = needsEvidence;
    }

    /** Whether the failure is transient; a {@link StepFailed} carries exactly this value. */
    public boolean retriable() { return retriable; }

    /** Whether the failure is a comparison, so the event must carry both the expected and the actual value. */
    public boolean needsEvidence() { return needsEvidence; }
}
