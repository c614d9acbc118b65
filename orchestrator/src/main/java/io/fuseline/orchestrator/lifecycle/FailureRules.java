package io.fuseline.orchestrator.lifecycle;

import io.fuseline.schemas.message.FailureReason;
import io.fuseline.schemas.message.QuarantineReason;

/**
 * Why a failed unit is quarantined when it cannot be retried. After an irreversible step nothing is retried: a
 * comparison failure is a verification mismatch, anything else a failure after an irreversible step. Before it,
 * the failure reason decides (an exhaustive switch, so a new reason must be classified).
 */
final class FailureRules {
    private FailureRules() {
    }

    static QuarantineReason quarantineReason(FailureReason failure, boolean afterIrreversible) {
        if (afterIrreversible) {
            return failure.needsEvidence() ? QuarantineReason.VERIFICATION_MISMATCH
                    : QuarantineReason.FAILED_AFTER_IRREVERSIBLE_STEP;
        }
        return switch (failure) {
            case VERIFY_MISMATCH, DIGEST_MISMATCH, EFUSE_BURN_NOT_VERIFIED, SIGNATURE_INVALID ->
                    QuarantineReason.VERIFICATION_MISMATCH;
            // The chip refused a burn or was not as identified: its security state is not what the registry thinks.
            case CHIP_UNEXPECTED_STATE, EFUSE_WRITE_PROTECTED -> QuarantineReason.SECURITY_FUSES_ALREADY_BURNED;
            case KEY_UNWRAP_FAILED, HSM_UNAVAILABLE -> QuarantineReason.KEY_MATERIAL_UNAVAILABLE;
            // Retriable reasons arrive here only from a station that flagged them non-retriable; INTERNAL needs a person.
            case SERIAL_TIMEOUT, SYNC_FAILED, FLASH_WRITE_ERROR, DEVICE_DISCONNECTED -> QuarantineReason.RETRIES_EXHAUSTED;
            case INTERNAL -> QuarantineReason.OPERATOR_HOLD;
        };
    }
}
